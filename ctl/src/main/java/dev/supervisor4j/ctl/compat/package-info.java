/**
 * Python's behaviour where it reaches only supervisorctl's output: {@code os.path}, {@code urlsplit},
 * and exceptions named as Python names them. What the daemon shares ({@code repr}, {@code str.strip},
 * {@code int()}, getopt, configparser, {@code %}) is in protocol's {@code python} package.
 */
package dev.supervisor4j.ctl.compat;
