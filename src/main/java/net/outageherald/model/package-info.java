/** Our own vocabulary: targets, prefixes, countries, statuses. No vendor JSON past the sources. */
package net.outageherald.model;
