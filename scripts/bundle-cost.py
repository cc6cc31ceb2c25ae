#!/usr/bin/env python3
"""What each part of the app costs in the shipped, brotli-compressed wasm.

    scripts/bundle-cost.sh            # builds what it needs, then runs this

Reads a wasm that kept its function names (the release build before wasm-bindgen, optimised
by `wasm-opt -Oz -g` like the shipped one), groups its functions by crate or app area (the
patterns below, first match wins), and prints for each group its raw code size and its
*marginal* brotli cost: the brotli size of all the code minus that of all the code without
the group. Generic code is compressed against its other instances, so a group's raw size says
little about what it adds to the download; the marginal cost does (the costs add up to more
than the total, since code shared between groups compresses once).
"""

import collections
import re
import subprocess
import sys

GROUPS = [
    (r"leptos_router", "Leptos router"),
    (r"leptos_i18n|icu_|litemap|tinystr|writeable|zerovec", "leptos_i18n + ICU locale parsing"),
    (r"any_attribute|into_any_attr", "Leptos type-erased attributes"),
    (r"IntoAny>::into_any|any_view", "Leptos type-erased views"),
    (r"(^|[<& ])reactive_graph::|ScopedFuture", "Leptos reactive_graph (signals, memos, resources)"),
    (r"(^|[<& ])(tachys|leptos|leptos_dom|either_of|any_spawner|oco_ref|throw_error)::", "Leptos views (tachys, components)"),
    (r"serde", "serde + serde_json"),
    (r"^<?facteur::shell::login", "app: login"),
    (r"conversation|html_body|text_body|attachment", "app: conversation"),
    (r"facteur_mail_html|html_policy", "safe HTML (mail-html + policy)"),
    (r"folder_dialogs|folder_ops|manage", "app: folder management"),
    (r"label", "app: labels"),
    (r"search", "app: search"),
    (r"^<?facteur::areas::mail::live|push|live", "app: live updates"),
    (r"^<?facteur_jmap", "facteur-jmap"),
    (r"facteur_kit::(store|sync|pending)", "facteur-kit store, sync engine, pending changes"),
    (r"facteur_mail::records", "facteur-mail records (store)"),
    (r"^<?facteur_kit", "facteur-kit (other)"),
    (r"^<?facteur_mail", "facteur-mail (other)"),
    (r"^<?facteur", "app: other"),
    (r"chrono", "chrono"),
    (r"(^|[<& ])(js_sys|web_sys|wasm_bindgen|gloo_net|gloo_utils)::", "browser bindings"),
    (r"(^|[<& ])(core|alloc|std|dlmalloc|hashbrown|futures_util|futures_core|futures_channel|indexmap|slab|async_lock|event_listener|send_wrapper)(\[[0-9a-f]+\])?::|^_ZN|^__|^memcpy|^memset|^memmove|^memcmp", "Rust std, futures, collections"),
]


def leb(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def functions(path):
    """(name, body bytes) of every defined function."""
    data = open(path, "rb").read()
    i, sections = 8, []
    while i < len(data):
        sid = data[i]
        size, i = leb(data, i + 1)
        sections.append((sid, i, size))
        i += size
    imported, code, names = 0, None, {}
    for sid, off, size in sections:
        if sid == 2:  # imports: functions are numbered after the imported ones
            count, j = leb(data, off)
            for _ in range(count):
                for _ in range(2):
                    n, j = leb(data, j)
                    j += n
                kind = data[j]
                j += 1
                if kind == 0:
                    imported += 1
                    _, j = leb(data, j)
                elif kind in (1, 2):
                    if kind == 1:
                        j += 1
                    flags = data[j]
                    _, j = leb(data, j + 1)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 3:
                    j += 2
        elif sid == 10:
            code = (off, size)
        elif sid == 0:
            n, j = leb(data, off)
            if data[j:j + n] == b"name":
                j, end = j + n, off + size
                while j < end:
                    sub = data[j]
                    sub_size, j = leb(data, j + 1)
                    if sub == 1:
                        count, k = leb(data, j)
                        for _ in range(count):
                            index, k = leb(data, k)
                            n, k = leb(data, k)
                            names[index] = data[k:k + n].decode("utf8", "replace")
                            k += n
                    j += sub_size
    if code is None or not names:
        sys.exit(f"{path}: no code or no function names (build with wasm-opt -g)")
    keys = list(names)
    demangled = subprocess.run(["c++filt"], input="\n".join(names[k] for k in keys),
                               capture_output=True, text=True, check=True).stdout.split("\n")
    names.update(zip(keys, demangled))
    count, j = leb(data, code[0])
    out = []
    for index in range(count):
        size, j = leb(data, j)
        out.append((names.get(imported + index, "?"), data[j:j + size]))
        j += size
    return out


def brotli(data):
    return len(subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True).stdout)


def group_of(name):
    return next((g for pattern, g in GROUPS if re.search(pattern, name)), "other")


def main():
    funcs = functions(sys.argv[1])
    groups = collections.defaultdict(list)
    for name, body in funcs:
        groups[group_of(name)].append(body)
    everything = brotli(b"".join(body for _, body in funcs))
    rows = []
    for group, bodies in groups.items():
        rest = b"".join(body for name, body in funcs if group_of(name) != group)
        rows.append((everything - brotli(rest), sum(map(len, bodies)), len(bodies), group))
    print(f"| Part | Functions | Code, raw | Marginal cost, brotli |")
    print(f"|---|---|---|---|")
    for cost, raw, n, group in sorted(rows, reverse=True):
        print(f"| {group} | {n} | {raw / 1024:.1f} KB | {cost / 1024:.1f} KB |")
    print(f"| **all the code** | {len(funcs)} | {sum(len(b) for _, b in funcs) / 1024:.1f} KB | {everything / 1024:.1f} KB |")


if __name__ == "__main__":
    main()
