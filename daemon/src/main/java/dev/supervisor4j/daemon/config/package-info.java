/**
 * supervisord.conf, read exactly as Supervisor 4.2.5 reads it, into frozen records.
 *
 * <p>Public surface: {@link dev.supervisor4j.daemon.config.ConfigLoader#load} and the records it
 * returns ({@link dev.supervisor4j.daemon.config.SupervisordConfig} at the top). Everything else is
 * package-private and split by concern:
 *
 * <ul>
 *   <li>Reading: {@code ConfigText} (UTF-8, newlines), protocol's {@code python.ConfigParserLines}
 *       (CPython configparser's line rules), {@code IniFile} (ini4j as the store; {@code [DEFAULT]},
 *       merging, {@code here}), {@code Includes} and {@code Glob}.
 *   <li>Values: {@code Expansions} over protocol's {@code python.PercentFormat} (Python's {@code %}
 *       operator), {@code Datatypes} (over {@code python.PyInt}), {@code KeyValuePairs} (the
 *       {@code environment} lexer), {@code PyPaths}, {@code Users}, {@code EntryPoints}; repr and
 *       strip are protocol's {@code python.PyRepr} and {@code python.PyStr}.
 *   <li>Sections: {@code DaemonSection}, {@code ServerSections}, {@code CtlSection},
 *       {@code RpcInterfaceSections}, {@code GroupSections}, {@code ProcessSection},
 *       {@code FcgiSockets}, with {@code LoadContext} as the shared state of one load.
 * </ul>
 *
 * <p>Compatibility rule: where Supervisor has a quirk (a bare {@code %s} printing the whole name map,
 * {@code A=a b} losing {@code b}, the wrong section in a group's second error), the quirk is kept, and
 * the comment at that spot says so. Error texts are Supervisor's, byte for byte.
 */
package dev.supervisor4j.daemon.config;
