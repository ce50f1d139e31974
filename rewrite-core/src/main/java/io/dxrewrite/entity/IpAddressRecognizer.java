package io.dxrewrite.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP addresses. IPv4: four decimal octets 0-255 joined by dots, not inside a longer dotted number
 * (RFC 791 dotted-quad notation). IPv6: a run of hex digits, colons and dots with at least two
 * colons that is a valid RFC 4291 section 2.2 text form: eight groups of 1-4 hex digits, or fewer
 * with one {@code ::}, optionally ending in a dotted-quad IPv4 address. Clock times such as {@code
 * 10:30:00} are not valid IPv6 text (three groups and no {@code ::}).
 */
public final class IpAddressRecognizer implements Recognizer {
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern V4 =
      Pattern.compile("(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?!\\.?\\w)");
  private static final Pattern V4_ONLY = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
  private static final Pattern V6_CANDIDATE =
      Pattern.compile("(?<![\\w:.])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?![\\w:])");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

  /** The recognizer. */
  public IpAddressRecognizer() {}

  @Override
  public EntityType type() {
    return EntityType.IP_ADDRESS;
  }

  @Override
  public List<EntitySpan> find(String text) {
    List<EntitySpan> spans = new ArrayList<>();
    Matcher m;
    if (PatternRecognizer.hasDigit(text)) {
      m = V4.matcher(text);
      while (m.find()) {
        spans.add(new EntitySpan(m.start(), m.end(), EntityType.IP_ADDRESS));
      }
    }
    int colon = text.indexOf(':');
    if (colon < 0 || text.indexOf(':', colon + 1) < 0) {
      return spans;
    }
    m = V6_CANDIDATE.matcher(text);
    while (m.find()) {
      String s = m.group();
      int end = s.length();
      if (end > 0 && s.charAt(end - 1) == '.') {
        end--; // a sentence's full stop
      }
      if (isIpv6(s.substring(0, end))) {
        spans.add(new EntitySpan(m.start(), m.start() + end, EntityType.IP_ADDRESS));
      }
    }
    return spans;
  }

  /**
   * @param s a candidate string
   * @return whether it is a valid IPv6 text form (RFC 4291 section 2.2)
   */
  static boolean isIpv6(String s) {
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
    String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
    int groups = 0;
    boolean hasHex = false;
    String[][] parts = {
      head.isEmpty() ? new String[0] : head.split(":", -1),
      tail.isEmpty() ? new String[0] : tail.split(":", -1)
    };
    for (int p = 0; p < 2; p++) {
      String[] part = parts[p];
      for (int i = 0; i < part.length; i++) {
        String g = part[i];
        boolean last = i == part.length - 1 && (p == 1 || doubleColon < 0);
        if (last && g.contains(".")) {
          if (!V4_ONLY.matcher(g).matches()) {
            return false;
          }
          groups += 2;
          hasHex = true;
        } else if (HEX_GROUP.matcher(g).matches()) {
          groups++;
          hasHex = true;
        } else {
          return false;
        }
      }
    }
    return hasHex && (doubleColon >= 0 ? groups <= 7 : groups == 8);
  }
}
