/** The composition root and the command line: everything is wired by hand, here and only here. */
package net.outageherald.app;
