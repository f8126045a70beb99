/**
 * Detection: per-prefix state against a learned baseline, per-target status weighted by address space,
 * confirmation before anything is announced. Pure logic with an injected clock; no network, no SQL.
 */
package net.outageherald.detect;
