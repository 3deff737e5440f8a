/**
 * The Python 3 behaviours that Supervisor's output and config depend on, each written once: the
 * {@code repr()} of str and bytes ({@link PyRepr}), {@code str.strip}/{@code split}/{@code isspace}
 * ({@link PyStr}), {@code getopt.getopt} ({@link Getopt}), the line rules of configparser's
 * {@code RawConfigParser} as Supervisor configures it ({@link ConfigParserLines}), and
 * {@code str % mapping} with Supervisor's {@code expand()} around it ({@link PercentFormat}).
 *
 * <p>Supervisor's messages embed these results verbatim ({@code %r} of user input, getopt's and
 * configparser's error texts), so both {@code supervisord} and {@code supervisorctl} use this one
 * copy. Plain Java with no dependency: {@code ctl} loads these classes on its one-shot start, so
 * they avoid lambdas, streams, regular expressions and {@code String.format}, and errors share one
 * exception type ({@link PythonError}).
 */
package dev.supervisor4j.protocol.python;
