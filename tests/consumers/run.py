#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Downstream projects use the library every way a user pulls it, and each
builds and runs the seed's request (and, where the route offers it, the
JSON part and the three adapters):
- installed (staged with `meson install --destdir`): pkg-config with a plain
  compiler line, CMake's find_package, and find_package from a -m32 build
  (the package files are arch-independent; Boost.URL compiled in);
- configured without the tests: doctest is never looked for;
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
PROGRAMS = ("seed_request.cpp", "json_consumer.cpp", "adapters_consumer.cpp", "seed_lines.hpp")
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


def passed_if_clean(name, failed_before):
    """A route of checks without a program's output: passed if none failed."""
    if results["failed"] == failed_before:
        results["passed"] += 1
        print(f"ok: {name}")


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
        before = results["failed"]
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
        passed_if_clean("install", before)
    installed()

    def without_tests():
        # the README's install line on a machine without doctest: with
        # -Dtests=disabled (what auto becomes there) doctest is never looked
        # for, and the tools, man pages and package files are still installed
        before = results["failed"]
        build = tmp / "no-tests"
        run("meson", "setup", build, SOURCE, "-Dtests=disabled")
        names = {t["name"] for t in json.loads(run("meson", "introspect", "--targets", build).stdout)}
        if not {"te-credentials", "te-api-double"} <= names or "unit-tests" in names:
            fail("install without tests", f"targets {sorted(names)}")
        installed = json.loads(run("meson", "introspect", "--installed", build).stdout).values()
        for want in ("bin/te-api-double", "man1/te-api-double.1", "man1/te-credentials.1",
                     "share/pkgconfig/thousandeyes-credentials-json.pc",
                     "share/cmake/thousandeyes-credentials/thousandeyes-credentials-targets.cmake"):
            if not any(p.endswith(want) for p in installed):
                fail("install without tests", f"{want} is not installed")
        if "doctest" in (build / "meson-logs" / "meson-log.txt").read_text(encoding="utf-8"):
            fail("install without tests", "doctest was looked for")
        passed_if_clean("install without tests", before)
    route("install without tests", without_tests)

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

    def meson_project(name, build_file, subproject):
        """A Meson project in tmp/NAME/app using the consumer programs one
        directory up; `subproject(app)` puts the library in its subprojects/."""
        project = tmp / name
        (project / "app" / "subprojects").mkdir(parents=True)
        for f in PROGRAMS:
            shutil.copy(HERE / f, project / f)
        shutil.copy(HERE / build_file, project / "app" / "meson.build")
        subproject(project / "app" / "subprojects")
        run("meson", "setup", project / "build", project / "app")
        run("meson", "compile", "-C", project / "build")
        return project / "build"

    def subproject():
        build = meson_project("meson-consumer", "meson/meson.build",
                              lambda sub: (sub / "thousandeyes-credentials").symlink_to(SOURCE))
        targets = [t["name"] for t in json.loads(run("meson", "introspect", "--targets", build).stdout)]
        if sorted(targets) != ["adapters-consumer", "consumer", "json-consumer"]:
            fail("meson subproject", f"targets {targets}, not only the consumer's")
        check_three("meson subproject", build)
    route("meson subproject", subproject)

    def wrap():
        version = project_version()
        run("meson", "dist", "-C", BUILD, "--no-tests", "--allow-dirty", "--formats", "xztar")
        tarball = BUILD / "meson-dist" / f"thousandeyes-credentials-{version}.tar.xz"
        # the documented wrap, with this tarball's name and hash
        wrap = (SOURCE / "doc" / "thousandeyes-credentials.wrap").read_text(encoding="utf-8")
        if f"directory = thousandeyes-credentials-{version}\n" not in wrap:
            fail("meson wrap", f"doc/thousandeyes-credentials.wrap is not for version {version}")
        digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
        wrap = re.sub(r"(?m)^source_hash = .*$", f"source_hash = {digest}", wrap)

        def subproject(sub):
            (sub / "packagecache").mkdir()
            shutil.copy(tarball, sub / "packagecache")
            (sub / "thousandeyes-credentials.wrap").write_text(wrap, encoding="utf-8")
        check_three("meson wrap (meson dist tarball)",
                    meson_project("meson-wrap", "meson-wrap/meson.build", subproject))
    if is_git:
        route("meson wrap", wrap)

print(f"{results['passed']} passed, {results['failed']} failed")
sys.exit(1 if results["failed"] else 0)
