package io.dxrewrite.mechanism.spec;

/**
 * A mechanism that was shipped once and withdrawn because its privacy claim does not hold. Every
 * front end refuses its name with {@link MechanismCatalogue#withdrawalMessage}.
 *
 * @param name the name users may still type
 * @param reason why its claim fails, one sentence
 */
public record WithdrawnMechanism(String name, String reason) {}
