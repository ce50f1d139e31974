package io.dxrewrite.entity;

import java.util.Map;

/** The {@code entities} field of a privacy report as JSON, for every front end alike. */
public final class EntityCounts {
  private EntityCounts() {}

  /**
   * @param counts identifiers per kind name, as in {@link
   *     io.dxrewrite.rewrite.PrivacyReport#entities()} (kind names are {@link EntityType} names, so
   *     no escaping is needed)
   * @return a JSON object such as {@code {"PERSON":2,"PHONE":1}}, {@code {}} when empty
   */
  public static String toJson(Map<String, Integer> counts) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(EntityType.valueOf(e.getKey()).name()).append("\":").append(e.getValue());
    }
    return out.append('}').toString();
  }
}
