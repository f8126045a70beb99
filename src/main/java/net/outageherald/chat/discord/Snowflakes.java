package net.outageherald.chat.discord;

/** Discord ids ("snowflakes"): unsigned 64-bit numbers written in decimal. */
final class Snowflakes {

    private Snowflakes() {
    }

    static boolean isSnowflake(String id) {
        if (id == null || id.isEmpty() || id.length() > 20 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        try {
            return Long.parseUnsignedLong(id) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
