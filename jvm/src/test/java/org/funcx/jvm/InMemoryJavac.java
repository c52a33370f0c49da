package org.funcx.jvm;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Compiles one source file in memory and loads its classes instrumented (or not). */
final class InMemoryJavac {
  private InMemoryJavac() {}

  static Map<String, byte[]> compile(String className, String source) {
    var javac = ToolProvider.getSystemJavaCompiler();
    Map<String, byte[]> out = new HashMap<>();
    JavaFileManager files =
        new ForwardingJavaFileManager<>(javac.getStandardFileManager(null, null, null)) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + name + ".class"), kind) {
              @Override
              public OutputStream openOutputStream() {
                return new ByteArrayOutputStream() {
                  @Override
                  public void close() {
                    out.put(name, toByteArray());
                  }
                };
              }
            };
          }
        };
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("mem:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    if (!javac.getTask(null, files, null, List.of("-proc:none"), null, List.of(file)).call()) {
      throw new IllegalStateException("test source does not compile");
    }
    return out;
  }

  static Class<?> load(String className, String source, boolean instrumented) throws Exception {
    Map<String, byte[]> classes = compile(className, source);
    ClassLoader loader =
        new ClassLoader(InMemoryJavac.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) throw new ClassNotFoundException(name);
            if (instrumented) bytes = StoppableBytecode.instrument(bytes);
            return defineClass(name, bytes, 0, bytes.length);
          }
        };
    return Class.forName(className, true, loader);
  }
}
