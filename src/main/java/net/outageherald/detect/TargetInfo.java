package net.outageherald.detect;

/**
 * How a target is presented in events.
 *
 * @param key         canonical key
 * @param name        human name
 * @param countryCode country for local times, or null
 * @param evidenceUrl where to check for oneself
 */
public record TargetInfo(String key, String name, String countryCode, String evidenceUrl) {
}
