package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.config.ProgramConfig;
import dev.supervisor4j.daemon.spawn.SpawnException;
import dev.supervisor4j.daemon.spawn.SpawnRequest;

/**
 * Turns a program's config into a concrete spawn: splits and resolves the command, builds the
 * environment. Supervisor runs these checks before every spawn, so a command that disappears
 * between two starts gives a spawn error then.
 */
public interface SpawnPlanner {
  SpawnRequest plan(ProgramConfig program, String group) throws SpawnException;
}
