#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Downstream projects use the library every way a user pulls it, and each
builds and runs the seed's request (and, where the route offers it, the
JSON part and the three adapters):
- installed (staged with `meson install --destdir`): pkg-config with a plain
  compiler line, CMake's find_package, and find_package from a -m32 build
  (the package files are arch-independent; Boost.URL compiled in);
- from source: CMake's add_subdirectory and FetchContent (a local git URL),
  a Meson subproject (introspection must show no target of this project),
  and a Meson wrap file (doc/thousandeyes-credentials.wrap) over the
  tarball `meson dist` makes.
Usage: run.py SOURCE_ROOT BUILD_ROOT"""
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

SOURCE = pathlib.Path(sys.argv[1]).resolve()
BUILD = pathlib.Path(sys.argv[2]).resolve()
HERE = pathlib.Path(__file__).resolve().parent
EXPECTED = "POST /v6/credentials/405/delete.json HTTP/1.1\nHost: api.thousandeyes.com\n"
results = {"passed": 0, "failed": 0}


def run(*cmd, **kw):
    print("$", " ".join(str(c) for c in cmd), flush=True)
    r = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)
    if r.returncode != 0:
        print(r.stdout[-4000:], r.stderr[-4000:], sep="\n")
        r.check_returncode()
    return r


def fail(name, why):
    results["failed"] += 1
    print(f"FAIL: {name}: {why}")


def check(name, program, runner=()):
    out = run(*runner, program).stdout
    if out == EXPECTED:
        results["passed"] += 1
        print(f"ok: {name}")
    else:
        fail(name, f"printed {out!r}")


def route(name, body):
    """One consumer route: a failure to configure or build is its failure."""
    try:
        body()
    except subprocess.CalledProcessError as e:
        fail(name, f"{e.cmd[0]} exited {e.returncode}")


def check_three(name, build):
    check(name, build / "consumer")
    check(name + " json", build / "json-consumer")
    check(name + " adapters", build / "adapters-consumer")


def project_version():
    text = (SOURCE / "meson.build").read_text(encoding="utf-8")
    return re.search(r"^  version: '([0-9.]+)',", text, re.M).group(1)


with tempfile.TemporaryDirectory(prefix="te-consumers-") as tmp:
    tmp = pathlib.Path(tmp)
    stage = tmp / "stage"
    run("meson", "install", "-C", BUILD, "--destdir", stage, "--no-rebuild", "--quiet")
    options = {o["name"]: o["value"] for o in json.loads(run("meson", "introspect", "--buildoptions", BUILD).stdout)}
    root = stage / options["prefix"].lstrip("/")
    datadir = root / options["datadir"]

    def installed():
        # the tools and their man pages are installed beside the library
        for f in (root / options["bindir"] / "te-credentials",
                  root / options["bindir"] / "te-api-double",
                  root / options["mandir"] / "man1" / "te-credentials.1",
                  root / options["mandir"] / "man1" / "te-api-double.1"):
            if not f.is_file():
                fail("install", f"{f.relative_to(stage)} is missing")
        # a header-only library's package files are the same on every
        # architecture: nothing under libdir
        libdir = root / options["libdir"]
        if libdir.exists() and any(p.is_file() for p in libdir.rglob("*")):
            fail("install", f"files under {libdir.relative_to(stage)}: "
                 f"{[str(p.relative_to(libdir)) for p in libdir.rglob('*') if p.is_file()]}")
        results["passed"] += 1
    installed()

    def pkg_config():
        env = dict(os.environ, PKG_CONFIG_PATH=str(datadir / "pkgconfig"),
                   PKG_CONFIG_SYSROOT_DIR=str(stage))
        for program, modules in (("seed_request.cpp", ["thousandeyes-credentials"]),
                                 ("json_consumer.cpp", ["thousandeyes-credentials-json"]),
                                 ("adapters_consumer.cpp", ["thousandeyes-credentials-libcurl",
                                                            "thousandeyes-credentials-beast",
                                                            "thousandeyes-credentials-httplib"])):
            flags = run("pkg-config", "--cflags", "--libs", *modules, env=env).stdout.split()
            run("c++", "-std=c++17", HERE / program, *flags, "-o", tmp / "pc-consumer")
            check("pkg-config " + " ".join(modules), tmp / "pc-consumer")
    route("pkg-config", pkg_config)

    def find_package():
        run("cmake", "-S", HERE / "cmake", "-B", tmp / "cmake-build", f"-DCMAKE_PREFIX_PATH={root}")
        run("cmake", "--build", tmp / "cmake-build")
        check_three("cmake find_package", tmp / "cmake-build")
    route("cmake find_package", find_package)

    def find_package_m32():
        # a 32-bit program on the same prefix: needs the compiler's multilib
        # (g++-multilib, which .ci/install-deps installs)
        run("cmake", "-S", HERE / "cmake", "-B", tmp / "cmake-m32", f"-DCMAKE_PREFIX_PATH={root}",
            "-DTE_M32=ON", "-DCMAKE_CXX_FLAGS=-m32")
        run("cmake", "--build", tmp / "cmake-m32")
        program = tmp / "cmake-m32" / "consumer"
        arch = run("file", "-b", program).stdout
        if "32-bit" not in arch:
            fail("cmake find_package -m32", f"not a 32-bit program: {arch.strip()}")
        # a kernel without IA-32 emulation runs it under qemu-i386 (qemu-user)
        try:
            subprocess.run([program], capture_output=True, check=False)
            runner = ()
        except OSError:
            print("this kernel does not run 32-bit programs: running it under qemu-i386")
            runner = ("qemu-i386",)
        check("cmake find_package -m32", program, runner)
    route("cmake find_package -m32", find_package_m32)

    def add_subdirectory():
        run("cmake", "-S", HERE / "cmake-source", "-B", tmp / "cmake-subdir", f"-DTE_SOURCE={SOURCE}")
        run("cmake", "--build", tmp / "cmake-subdir")
        check_three("cmake add_subdirectory", tmp / "cmake-subdir")
    route("cmake add_subdirectory", add_subdirectory)

    # What git and `meson dist` see is the committed tree: routes from git
    # need a checkout.
    is_git = (SOURCE / ".git").exists()
    if not is_git:
        fail("cmake FetchContent, meson wrap", f"{SOURCE} is not a git checkout")

    def fetch_content():
        commit = run("git", "-C", SOURCE, "rev-parse", "HEAD").stdout.strip()
        repo = tmp / "repo.git"
        run("git", "clone", "--quiet", "--bare", SOURCE, repo)
        run("git", "-C", repo, "branch", "--force", "main", commit)
        run("cmake", "-S", HERE / "cmake-source", "-B", tmp / "cmake-fetch", f"-DTE_GIT=file://{repo}")
        run("cmake", "--build", tmp / "cmake-fetch")
        check_three("cmake FetchContent", tmp / "cmake-fetch")
    if is_git:
        route("cmake FetchContent", fetch_content)

    def subproject():
        project = tmp / "meson-consumer"
        for f in ("seed_request.cpp", "json_consumer.cpp", "adapters_consumer.cpp"):
            (project / "app").mkdir(parents=True, exist_ok=True)
            shutil.copy(HERE / f, project / f)
        shutil.copy(HERE / "meson" / "meson.build", project / "app")
        (project / "app" / "subprojects").mkdir()
        (project / "app" / "subprojects" / "thousandeyes-credentials").symlink_to(SOURCE)
        run("meson", "setup", project / "build", project / "app")
        run("meson", "compile", "-C", project / "build")
        targets = [t["name"] for t in json.loads(run("meson", "introspect", "--targets", project / "build").stdout)]
        if sorted(targets) != ["adapters-consumer", "consumer", "json-consumer"]:
            fail("meson subproject", f"targets {targets}, not only the consumer's")
        check_three("meson subproject", project / "build")
    route("meson subproject", subproject)

    def wrap():
        version = project_version()
        run("meson", "dist", "-C", BUILD, "--no-tests", "--allow-dirty", "--formats", "xztar")
        tarball = BUILD / "meson-dist" / f"thousandeyes-credentials-{version}.tar.xz"
        project = tmp / "meson-wrap"
        (project / "app" / "subprojects" / "packagecache").mkdir(parents=True)
        for f in ("seed_request.cpp", "json_consumer.cpp", "adapters_consumer.cpp"):
            shutil.copy(HERE / f, project / f)
        shutil.copy(HERE / "meson-wrap" / "meson.build", project / "app")
        shutil.copy(tarball, project / "app" / "subprojects" / "packagecache")
        # the documented wrap, with this tarball's name and hash
        wrap = (SOURCE / "doc" / "thousandeyes-credentials.wrap").read_text(encoding="utf-8")
        if f"directory = thousandeyes-credentials-{version}\n" not in wrap:
            fail("meson wrap", f"doc/thousandeyes-credentials.wrap is not for version {version}")
        digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
        wrap = re.sub(r"(?m)^source_hash = .*$", f"source_hash = {digest}", wrap)
        (project / "app" / "subprojects" / "thousandeyes-credentials.wrap").write_text(wrap, encoding="utf-8")
        run("meson", "setup", project / "build", project / "app")
        run("meson", "compile", "-C", project / "build")
        check_three("meson wrap (meson dist tarball)", project / "build")
    if is_git:
        route("meson wrap", wrap)

print(f"{results['passed']} passed, {results['failed']} failed")
sys.exit(1 if results["failed"] else 0)
