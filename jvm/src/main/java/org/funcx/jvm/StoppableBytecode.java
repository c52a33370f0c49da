package org.funcx.jvm;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a class file so that its code calls {@link Checkpoint#reached()} on entry to every
 * method and before every backward jump (every loop iteration). That is what lets a task timeout,
 * a cancel or a cell interrupt end {@code while (true) {}} on JDKs where {@code Thread.stop} is
 * gone (20+), without a debugger or a second JVM. Recursion is covered by the method-entry check.
 *
 * <p>Only user code is instrumented (functions compiled on a worker, JShell snippets): a busy loop
 * inside a library that ignores interrupts is not reached, and the owner falls back to giving up
 * on the thread (a worker replaces it, a kernel says to restart).
 *
 * <p>The inserted call takes and leaves nothing on the operand stack, so stack map frames and
 * maximum stack sizes stay valid; ASM recomputes offsets (and widens jumps if a method grows past
 * 32 KiB of code).
 */
public final class StoppableBytecode {
  private StoppableBytecode() {}

  /** The instrumented class file; throws {@link IllegalArgumentException} for a malformed one. */
  public static byte[] instrument(byte[] classFile) {
    ClassReader reader;
    try {
      reader = new ClassReader(classFile);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a class file: " + e, e);
    }
    ClassWriter writer = new ClassWriter(0);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
            return hasCode ? new CheckpointInserter(next) : next;
          }
        },
        0);
    return writer.toByteArray();
  }

  /** Inserts the call at the start of the code and before jumps to labels already seen. */
  private static final class CheckpointInserter extends MethodVisitor {
    private final Set<Label> seen = new HashSet<>();

    CheckpointInserter(MethodVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visitCode() {
      super.visitCode();
      checkpoint();
    }

    @Override
    public void visitLabel(Label label) {
      seen.add(label);
      super.visitLabel(label);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      if (seen.contains(label)) checkpoint();
      super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
      if (anySeen(dflt, labels)) checkpoint();
      super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
      if (anySeen(dflt, labels)) checkpoint();
      super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    private boolean anySeen(Label dflt, Label[] labels) {
      if (seen.contains(dflt)) return true;
      for (Label l : labels) {
        if (seen.contains(l)) return true;
      }
      return false;
    }

    private void checkpoint() {
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, Checkpoint.OWNER, Checkpoint.METHOD, "()V", false);
    }
  }
}
