package dev.supervisor4j.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcSamplerTest {
  @TempDir Path proc;

  private void process(long pid, String command, long utime, long stime, String rssLine) throws Exception {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    // fields 1..15: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    Files.writeString(dir.resolve("stat"),
        pid + " (" + command + ") S 1 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0\n");
    Files.writeString(dir.resolve("status"), "Name:\tx\nState:\tS\n" + rssLine + "Threads:\t1\n");
  }

  @Test
  void readsRssAndCpuBetweenTwoSamples() throws Exception {
    process(7, "odd ) name", 100, 50, "VmRSS:\t    2048 kB\n");
    ProcSampler sampler = new ProcSampler(proc);
    Map<Long, ProcSampler.Usage> first = sampler.sample(List.of(7L, 0L, 99L));
    assertEquals(List.of(7L), List.copyOf(first.keySet()));
    assertEquals(2048, first.get(7L).rssKb());
    assertTrue(Double.isNaN(first.get(7L).cpuPercent()));
    process(7, "odd ) name", 150, 100, "VmRSS:\t    4096 kB\n");
    ProcSampler.Usage second = sampler.sample(List.of(7L)).get(7L);
    assertEquals(4096, second.rssKb());
    assertTrue(second.cpuPercent() > 0, "used 1 s of CPU: " + second.cpuPercent());
  }

  @Test
  void cpuPercentIsCpuTimeOverWallTime() {
    var before = new ProcSampler.Reading(1000, 0);
    var after = new ProcSampler.Reading(1050, 2_000_000_000L); // 0.5 s of CPU in 2 s
    assertEquals(25.0, ProcSampler.cpuPercent(before, after), 1e-9);
    assertTrue(Double.isNaN(ProcSampler.cpuPercent(null, after)));
  }

  @Test
  void aZombieHasNoRssLine() throws Exception {
    process(8, "z", 1, 1, "");
    assertEquals(0, new ProcSampler(proc).sample(List.of(8L)).get(8L).rssKb());
  }
}
