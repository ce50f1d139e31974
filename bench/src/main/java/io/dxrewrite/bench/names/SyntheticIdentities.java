package io.dxrewrite.bench.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Made-up personal details for the name-survival harness: lines "My name is FIRST LAST and I live
 * in CITY, call me at PHONE" built from public lists typed in here (the 40 most common US first
 * names and surnames of the 1990 US census name lists, 40 world cities with one-word names) and
 * fictional 555-01xx phone numbers. No real person's text is used; any match with a real person is
 * a coincidence of common names.
 */
public final class SyntheticIdentities {
  static final List<String> FIRST_NAMES = List.of(
      "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
      "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
      "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony",
      "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily",
      "Andrew", "Donna", "Joshua", "Michelle");
  static final List<String> SURNAMES = List.of(
      "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
      "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
      "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
      "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
      "Scott", "Torres", "Nguyen", "Hill", "Flores");
  static final List<String> CITIES = List.of(
      "Paris", "London", "Tokyo", "Berlin", "Madrid", "Rome", "Chicago", "Boston", "Houston",
      "Toronto", "Sydney", "Dublin", "Vienna", "Prague", "Lisbon", "Cairo", "Nairobi", "Lagos",
      "Mumbai", "Delhi", "Bangkok", "Seoul", "Beijing", "Shanghai", "Moscow", "Istanbul", "Athens",
      "Warsaw", "Budapest", "Stockholm", "Oslo", "Helsinki", "Copenhagen", "Amsterdam", "Brussels",
      "Zurich", "Geneva", "Munich", "Milan", "Barcelona");

  /**
   * One synthetic line and the details it holds.
   *
   * @param text the line
   * @param first first name
   * @param last surname
   * @param city city
   */
  public record Identity(String text, String first, String last, String city) {}

  private SyntheticIdentities() {}

  /**
   * @param count number of lines, {@code >= 1}
   * @param seed seed of the choice of names, cities and numbers (the lines are public test data)
   * @return {@code count} lines, each "My name is FIRST LAST and I live in CITY, call me at PHONE"
   */
  public static List<Identity> generate(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Identity> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
      String last = SURNAMES.get(random.nextInt(SURNAMES.size()));
      String city = CITIES.get(random.nextInt(CITIES.size()));
      String phone = String.format(Locale.ROOT, "555-01%02d", random.nextInt(100));
      out.add(new Identity(
          "My name is " + first + " " + last + " and I live in " + city + ", call me at " + phone,
          first, last, city));
    }
    return out;
  }
}
