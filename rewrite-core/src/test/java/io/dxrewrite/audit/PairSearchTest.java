package io.dxrewrite.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.density.NeighbourhoodTable;
import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pair search finds issue 13's construction by rank difference, not by chance. */
class PairSearchTest {
  @TempDir Path dir;

  @Test
  void rankSearchFindsTheThirdWordConstruction() {
    EmbeddingStore store = AdversarialStores.rankConstruction(dir);
    NeighbourhoodTable table = AdversarialStores.fullTable(store);
    PairSearch search = new PairSearch(store, table, 1);
    // y = -2 e_0 is w's 2nd nearest and w''s 32nd (last) nearest.
    assertThat(search.exactRank(AdversarialStores.W, AdversarialStores.Y)).isEqualTo(2);
    assertThat(search.exactRank(AdversarialStores.W_PRIME, AdversarialStores.Y)).isEqualTo(32);
    List<AuditPair> pairs = search.search(10);
    // (w, w') is the closest pair, so "nearest" lists it first; the rank search adds the next
    // pairs around w' for which y is near one word and last around the other.
    assertThat(pairs)
        .anySatisfy(
            p ->
                assertThat(List.of(p.first(), p.second()))
                    .containsExactlyInAnyOrder(AdversarialStores.W, AdversarialStores.W_PRIME));
    AuditPair top =
        pairs.stream().filter(p -> p.source().equals("rank")).findFirst().orElseThrow();
    assertThat(top.second()).isEqualTo(AdversarialStores.W_PRIME);
    assertThat(top.detail()).contains("(id 2)").contains("w''s 32-th nearest");
    assertThat(pairs).extracting(AuditPair::source).contains("nearest", "dense", "sparse");
  }
}
