#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Three downstream projects use the library as a user would: installed
(staged with `meson install --destdir`) through pkg-config with a plain
compiler line and through CMake's find_package, and as a Meson subproject,
whose introspection must show no target of this project. Each builds and
runs the seed's request. Usage: run.py SOURCE_ROOT BUILD_ROOT"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

SOURCE = pathlib.Path(sys.argv[1]).resolve()
BUILD = pathlib.Path(sys.argv[2]).resolve()
HERE = pathlib.Path(__file__).resolve().parent
EXPECTED = "POST /v6/credentials/405/delete.json HTTP/1.1\nHost: api.thousandeyes.com\n"
failures = 0


def run(*cmd, **kw):
    print("$", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, capture_output=True, text=True, **kw)


def check(name, program):
    global failures
    out = run(program).stdout
    if out == EXPECTED:
        print(f"ok: {name}")
    else:
        failures += 1
        print(f"FAIL: {name}: printed {out!r}")


with tempfile.TemporaryDirectory(prefix="te-consumers-") as tmp:
    tmp = pathlib.Path(tmp)
    stage = tmp / "stage"
    run("meson", "install", "-C", BUILD, "--destdir", stage, "--no-rebuild", "--quiet")
    options = {o["name"]: o["value"] for o in json.loads(run("meson", "introspect", "--buildoptions", BUILD).stdout)}
    root = stage / options["prefix"].lstrip("/")
    libdir = root / options["libdir"]

    # the command and its man page are installed beside the library
    for installed in (root / options["bindir"] / "te-credentials",
                      root / options["mandir"] / "man1" / "te-credentials.1"):
        if not installed.is_file():
            failures += 1
            print(f"FAIL: install: {installed.relative_to(stage)} is missing")

    # pkg-config, and a plain compiler line
    env = dict(os.environ, PKG_CONFIG_PATH=str(libdir / "pkgconfig"),
               PKG_CONFIG_SYSROOT_DIR=str(stage))
    flags = run("pkg-config", "--cflags", "--libs", "thousandeyes-credentials", env=env).stdout.split()
    run("c++", "-std=c++17", HERE / "seed_request.cpp", *flags, "-o", tmp / "pc-consumer")
    check("pkg-config", tmp / "pc-consumer")
    flags = run("pkg-config", "--cflags", "--libs", "thousandeyes-credentials-libcurl",
                "thousandeyes-credentials-beast", "thousandeyes-credentials-httplib",
                env=env).stdout.split()
    run("c++", "-std=c++17", HERE / "adapters_consumer.cpp", *flags, "-o", tmp / "pc-adapters")
    check("pkg-config adapters", tmp / "pc-adapters")

    # CMake find_package
    run("cmake", "-S", HERE / "cmake", "-B", tmp / "cmake-build", f"-DCMAKE_PREFIX_PATH={root}")
    run("cmake", "--build", tmp / "cmake-build")
    check("cmake find_package", tmp / "cmake-build" / "consumer")
    check("cmake find_package adapters", tmp / "cmake-build" / "adapters-consumer")

    # A Meson subproject: only the dependency is built
    project = tmp / "meson-consumer"
    shutil.copytree(HERE / "meson", project / "app")
    shutil.copy(HERE / "seed_request.cpp", project / "seed_request.cpp")
    shutil.copy(HERE / "adapters_consumer.cpp", project / "adapters_consumer.cpp")
    (project / "app" / "subprojects").mkdir()
    (project / "app" / "subprojects" / "thousandeyes-credentials").symlink_to(SOURCE)
    run("meson", "setup", project / "build", project / "app")
    run("meson", "compile", "-C", project / "build")
    targets = [t["name"] for t in json.loads(run("meson", "introspect", "--targets", project / "build").stdout)]
    if sorted(targets) != ["adapters-consumer", "consumer"]:
        failures += 1
        print(f"FAIL: meson subproject: targets {targets}, not only the consumer's")
    check("meson subproject", project / "build" / "consumer")
    check("meson subproject adapters", project / "build" / "adapters-consumer")

print(f"{6 - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
