/**
 * The status board: the last transition of every process and supervisord's own state, written by
 * the process actors and the root, read from any thread (the API's info and name lookups, the web
 * console). {@link dev.supervisor4j.daemon.board.ProcessStatus} holds the inputs of one process's
 * {@code ProcessInfo}; {@link dev.supervisor4j.daemon.board.Descriptions} makes its
 * {@code description} as supervisord does.
 */
package dev.supervisor4j.daemon.board;
