/**
 * Python's behaviour where it reaches supervisorctl's output: {@code str.split/strip/repr},
 * {@code int()}, {@code os.path}, {@code urlsplit}, and exceptions named as Python names them.
 */
package dev.supervisor4j.ctl.compat;
