package org.funcx.kernel.spi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named line and cell magics. Line and cell magics have separate name spaces, so one name may have
 * both forms ({@code %time} and {@code %%time}). Registering a name again replaces the magic.
 */
public final class MagicsRegistry {
  private final Map<String, LineMagic> lineMagics = new ConcurrentHashMap<>();
  private final Map<String, CellMagic> cellMagics = new ConcurrentHashMap<>();

  public MagicsRegistry lineMagic(String name, LineMagic magic) {
    lineMagics.put(checkName(name), magic);
    return this;
  }

  public MagicsRegistry cellMagic(String name, CellMagic magic) {
    cellMagics.put(checkName(name), magic);
    return this;
  }

  public Optional<LineMagic> lineMagic(String name) {
    return Optional.ofNullable(lineMagics.get(name));
  }

  public Optional<CellMagic> cellMagic(String name) {
    return Optional.ofNullable(cellMagics.get(name));
  }

  /** All magics as typed: {@code %name} for line magics, {@code %%name} for cell magics. */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    lineMagics.keySet().forEach(n -> names.add("%" + n));
    cellMagics.keySet().forEach(n -> names.add("%%" + n));
    return names;
  }

  private static String checkName(String name) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("a magic name is a Java identifier without '$': " + name);
    }
    return name;
  }
}
