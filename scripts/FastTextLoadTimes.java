// Load times of FastTextModel, six runs per file in one JVM. Run from the repository root after a build:
//   mvn -q -o -pl embedding-store dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
//   java -cp "embedding-store/target/classes:$(cat /tmp/cp.txt)" scripts/FastTextLoadTimes.java \
//     target/test-fixtures/fasttext-wordnet-d24/model.bin embedding-store/src/test/resources/fasttext/lid.176.ftz
import io.dxrewrite.embeddings.fasttext.FastTextHeader;
import io.dxrewrite.embeddings.fasttext.FastTextModel;
import java.nio.file.Path;

public class FastTextLoadTimes {
  public static void main(String[] args) {
    for (String a : args) {
      Path file = Path.of(a);
      for (int run = 0; run < 6; run++) {
        long t0 = System.nanoTime();
        FastTextHeader.read(file);
        long t1 = System.nanoTime();
        try (FastTextModel m = FastTextModel.open(file)) {
          long t2 = System.nanoTime();
          int n = m.vocabularyTable(Integer.MAX_VALUE).size();
          long t3 = System.nanoTime();
          System.out.printf(
              "%s run %d: header check %.3f s, open (check + native load + words) %.3f s,"
                  + " vocabulary table of %d words %.3f s%n",
              file.getFileName(), run, (t1 - t0) / 1e9, (t2 - t1) / 1e9, n, (t3 - t2) / 1e9);
        }
      }
    }
  }
}
