/**
 * Detection: per-prefix state against a learned baseline, per-target status weighted by address space,
 * confirmation before anything is announced. The rules ({@code PrefixTracker}, {@code TargetEvaluator},
 * {@code TargetStateMachine}) are pure logic with an injected clock; {@code Detector} stores what they
 * decide through the repositories of {@link net.outageherald.store}, and the poll job feeds them from a
 * {@link net.outageherald.source.RoutingSource}. A country too large for the prefix-level watch is judged instead
 * by {@code SignalWatch} on IODA's country {@code bgp} signal, through the same state machine and store. No
 * network and no SQL of its own.
 */
package net.outageherald.detect;
