package io.dxrewrite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.gpu.GpuIndexProvider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index} = {@code gpu} where the GPU cannot run (here CUDA device 99, which no machine of
 * ours has; on CI there is no driver at all) is refused by {@link DxRewriteServer#start} itself,
 * before it binds a port or creates the ledger. Before, the server logged "listening on", created
 * its ledger and only then failed to load the index.
 */
class IndexCheckedFirstTest {
  @Test
  void aGpuIndexThatCannotRunIsRefusedBeforeThePortAndTheLedger(@TempDir Path dir) {
    Path ledger = dir.resolve("ledger.log");
    ServerConfig config =
        ServerConfig.load(
            null, Map.of(), Map.of("index", "gpu", "port", "0", "ledger", ledger.toString()));
    String previous = System.getProperty(GpuIndexProvider.DEVICE_PROPERTY);
    System.setProperty(GpuIndexProvider.DEVICE_PROPERTY, "99");
    DxRewriteServer[] started = new DxRewriteServer[1];
    try {
      assertThatThrownBy(() -> started[0] = DxRewriteServer.start(config))
          .isInstanceOf(DxRewriteException.class);
    } finally {
      if (started[0] != null) {
        started[0].close();
      }
      if (previous == null) {
        System.clearProperty(GpuIndexProvider.DEVICE_PROPERTY);
      } else {
        System.setProperty(GpuIndexProvider.DEVICE_PROPERTY, previous);
      }
    }
    assertThat(ledger).doesNotExist();
  }
}
