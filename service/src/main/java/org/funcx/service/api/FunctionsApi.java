package org.funcx.service.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.funcx.core.exec.CompiledFunction;
import org.funcx.core.exec.FunctionCompileException;
import org.funcx.core.exec.FunctionCompiler;
import org.funcx.core.exec.FunctionLibraries;
import org.funcx.core.exec.FunctionSignature;
import org.funcx.core.model.DependencyList;
import org.funcx.core.model.FunctionKind;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.rest.FunctionDescription;
import org.funcx.core.rest.FunctionRegistration;
import org.funcx.core.rest.SharingChange;
import org.funcx.core.shell.InvalidTemplateException;
import org.funcx.core.shell.ShellTemplate;
import org.funcx.service.auth.AuthGate;
import org.funcx.service.store.FunctionCatalog;
import org.funcx.service.store.Registry;
import org.funcx.service.store.Registry.FunctionRow;
import org.funcx.service.store.Sharing;

/**
 * {@code /v2/functions}: register Java source (or, with {@code "kind": "shell"}, a shell command
 * template), read it back, delete it. Source is compiled at
 * registration, so a compile error reaches the user once, with line numbers, instead of failing
 * every task; {@code "validate": false} skips that (the worker then reports the error per task).
 * The libraries a function uses ({@code //DEPS} lines in its source and the {@code dependencies}
 * array) are resolved and the source compiled against exactly them; with {@code validate: false}
 * only their form is checked.
 */
final class FunctionsApi {
  static final int MAX_SOURCE_CHARS = 1 << 20;
  private final Registry registry;
  private final FunctionCatalog catalog;
  private final FunctionCompiler compiler = new FunctionCompiler();
  private final DependencyCheck dependencies;

  FunctionsApi(Registry registry, FunctionCatalog catalog, DependencyCheck dependencies) {
    this.registry = registry;
    this.catalog = catalog;
    this.dependencies = dependencies;
  }

  void register(Context ctx) {
    FunctionRegistration request = FunctionRegistration.fromJson(Requests.jsonObject(ctx));
    FunctionKind kind = kind(request.kind());
    if (kind == FunctionKind.SHELL) {
      registerShell(ctx, request);
      return;
    }
    String source = request.functionCode();
    if (source.isBlank() || source.length() > MAX_SOURCE_CHARS) {
      throw new ApiException(
          source.isBlank() ? 400 : 413,
          "invalid_source",
          "function_code must hold 1 to " + MAX_SOURCE_CHARS + " characters of Java source");
    }
    String entry = request.entryPoint();
    List<String> deps =
        dependencies.normalize(DependencyList.merge(source, request.dependencies()));
    FunctionSignature signature = null;
    if (request.validate()) {
      CompiledFunction compiled = compile(entry, source, deps);
      entry = compiled.entryName();
      signature = compiled.signatures().get(0);
    } else if (entry == null || entry.isBlank()) {
      throw ApiException.badRequest(
          "missing_field", "entry_point is required when validate is false");
    }
    String name = request.functionName();
    FunctionSpec spec = FunctionSpec.of(entry, source, deps);
    Sharing sharing =
        Access.sharing(request.sharing(), Sharing.privateTo(AuthGate.principal(ctx).subject()));
    FunctionRow row =
        new FunctionRow(
            UUID.randomUUID().toString(),
            name == null ? entry : name,
            entry,
            source,
            spec.hash(),
            signature == null ? null : signature.toString(),
            signature == null ? null : signature.returnType(),
            System.currentTimeMillis(),
            sharing,
            FunctionKind.JAVA,
            spec.dependencies());
    registry.addFunction(row);
    ctx.status(201).json(describe(row, false).toJson());
  }

  /** A shell function: {@code function_code} is the command template, checked here. */
  private void registerShell(Context ctx, FunctionRegistration request) {
    String template = request.functionCode();
    ShellTemplate parsed;
    try {
      parsed = ShellTemplate.parse(template);
    } catch (InvalidTemplateException e) {
      throw new ApiException(
          template.length() > ShellTemplate.MAX_CHARS ? 413 : 400,
          "invalid_shell_command",
          e.getMessage(),
          Map.of("offset", e.offset(), "limit", ShellTemplate.MAX_CHARS));
    }
    String name = request.functionName();
    FunctionSpec spec = FunctionSpec.shell(template);
    Sharing sharing =
        Access.sharing(request.sharing(), Sharing.privateTo(AuthGate.principal(ctx).subject()));
    FunctionRow row =
        new FunctionRow(
            UUID.randomUUID().toString(),
            name == null || name.isBlank() ? "shell" : name,
            "",
            template,
            spec.hash(),
            "(" + String.join(", ", parsed.placeholders()) + ")",
            null,
            System.currentTimeMillis(),
            sharing,
            FunctionKind.SHELL,
            List.of());
    registry.addFunction(row);
    ctx.status(201).json(describe(row, false).toJson());
  }

  private static FunctionKind kind(String wire) {
    try {
      return FunctionKind.fromWireName(wire);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "invalid_field", "kind must be 'java' or 'shell', not '" + wire + "'");
    }
  }

  private CompiledFunction compile(String entry, String source, List<String> deps) {
    FunctionSpec spec = FunctionSpec.of(entry == null ? "" : entry, source, deps);
    if (deps.isEmpty()) return compile(spec, null);
    try (FunctionLibraries libraries = dependencies.resolve(deps)) {
      return compile(spec, libraries);
    }
  }

  private CompiledFunction compile(FunctionSpec spec, FunctionLibraries libraries) {
    try {
      return compiler.compile(spec, libraries);
    } catch (FunctionCompileException e) {
      throw new ApiException(
          400,
          e.error().kind().wireName(),
          e.error().message(),
          Map.of("diagnostics", e.error().details()));
    }
  }

  void get(Context ctx) {
    ctx.json(describe(existing(ctx), true).toJson());
  }

  void delete(Context ctx) {
    FunctionRow row = existing(ctx);
    Access.requireOwner(AuthGate.principal(ctx), row.sharing(), "function", row.id());
    registry.deleteFunction(row.id());
    catalog.forget(row.id());
    ctx.json(Map.of("function_id", row.id(), "deleted", true));
  }

  /** {@code PUT /v2/functions/{id}/sharing} with {@code public} and/or {@code groups}. */
  void share(Context ctx) {
    FunctionRow row = existing(ctx);
    Access.requireOwner(AuthGate.principal(ctx), row.sharing(), "function", row.id());
    Sharing sharing =
        Access.sharing(SharingChange.fromJson(Requests.jsonObject(ctx)), row.sharing());
    registry.shareFunction(row.id(), sharing);
    ctx.json(Access.describe(sharing).toJson());
  }

  private FunctionRow existing(Context ctx) {
    String id = Requests.uuid(ctx.pathParam("id"), "function");
    return Access.visible(
        AuthGate.principal(ctx), registry.function(id), FunctionRow::sharing, "function", id);
  }

  private static FunctionDescription describe(FunctionRow row, boolean withSource) {
    return new FunctionDescription(
        row.id(),
        row.name(),
        row.kind().wireName(),
        row.entryPoint(),
        row.hash(),
        row.dependencies(),
        row.signature(),
        row.returnType(),
        Access.describe(row.sharing()),
        withSource ? row.source() : null);
  }
}
