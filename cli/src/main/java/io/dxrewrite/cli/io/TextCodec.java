package io.dxrewrite.cli.io;

/** Plain text: the whole line is the record. */
final class TextCodec implements RecordCodec {
  @Override
  public Record parse(Line line) {
    String content = line.content();
    return new Record() {
      @Override
      public String text() {
        return content;
      }

      @Override
      public String render(String rewritten) {
        return rewritten;
      }
    };
  }
}
