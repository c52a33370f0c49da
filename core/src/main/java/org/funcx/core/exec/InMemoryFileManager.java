package org.funcx.core.exec;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Reads the JDK and the worker's classpath through the standard file manager but keeps every class
 * file javac writes in memory: workers compile untrusted-to-the-disk source without a temp
 * directory to create, clean up or race on.
 */
final class InMemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
  private final Map<String, ByteArrayOutputStream> classFiles = new LinkedHashMap<>();

  InMemoryFileManager(StandardJavaFileManager standard) {
    super(standard);
  }

  /** A source file object holding {@code text}, named so javac accepts its public class. */
  static JavaFileObject sourceFile(String className, String text) {
    URI uri = URI.create("string:///" + className + JavaFileObject.Kind.SOURCE.extension);
    return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  @Override
  public JavaFileObject getJavaFileForOutput(
      JavaFileManager.Location location,
      String className,
      JavaFileObject.Kind kind,
      FileObject sibling) {
    URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    classFiles.put(className, bytes);
    return new SimpleJavaFileObject(uri, kind) {
      @Override
      public OutputStream openOutputStream() {
        return bytes;
      }
    };
  }

  /** Binary class name to class file bytes, for every class javac produced. */
  Map<String, byte[]> classFiles() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    classFiles.forEach((name, bytes) -> out.put(name, bytes.toByteArray()));
    return out;
  }
}
