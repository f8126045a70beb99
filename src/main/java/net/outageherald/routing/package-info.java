/**
 * The routing picture: for each watched prefix, which RIS peers carry it now. The looking glass seeds and
 * reconciles it, the RIS Live stream moves it between looks, and detection judges it whichever source
 * moved it. Everything here is in memory and rebuilt at start.
 */
package net.outageherald.routing;
