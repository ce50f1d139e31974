package io.dxrewrite.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last: every other server test planted {@link TestServers#SECRET} in its requests (good and
 * bad ones, in texts, field names, mechanism names and paths); no log line may contain any part,
 * nor the planted subject key {@link TestServers#SUBJECT}, the subject secret or the operator key.
 */
@Order(Integer.MAX_VALUE)
class LogScanTest {
  @Test
  void thePlantedSecretAppearsInNoLogLine() throws Exception {
    List<Path> logs = new ArrayList<>();
    logs.add(Path.of("target/server-test.log"));
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      files.filter(p -> p.getFileName().toString().startsWith("crash-child-")).forEach(logs::add);
    }
    long accessLines = 0;
    for (Path log : logs) {
      assertThat(log).exists();
      for (String line : Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
        for (String part : TestServers.SECRET.split(" ")) {
          assertThat(line).as("%s", log).doesNotContain(part);
        }
        assertThat(line).as("%s", log).doesNotContain("Quelvarindosh")
            .doesNotContain(TestServers.SUBJECT_SECRET).doesNotContain(TestServers.OPERATOR_KEY);
        if (line.contains("io.dxrewrite.server.access") && line.contains("route=/v1/rewrite")) {
          accessLines++;
        }
      }
    }
    // The scan is only meaningful if the suite's requests were logged at all.
    assertThat(accessLines).isGreaterThan(100);
  }
}
