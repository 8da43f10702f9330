// wasm/js_values.hpp — turning the core's values into JS values and back, and its
// exceptions into JS errors, for every file of wasm/ (exports only).
//
// The search hit is built here as a plain object because the search-first module
// (shard_bindings.cpp alone) has no embind value_object for search::Hit; the whole
// module registers one in bindings.cpp, and both give JS the same shape.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/lang.hpp"
#include "search/search.hpp"
#include "site/components/search_results/search_results.hpp"
#include "site/site.hpp"

namespace pietura::wasm {

using emscripten::val;

[[noreturn]] inline void throw_error(const char* type, const std::string& message) {
    val::global(type).new_(message).throw_();
    __builtin_unreachable();
}

// "Pietura snapshot rejected: <why>": the words every reader of a bad snapshot shows.
inline std::string rejected(const std::string& why) {
    static const std::string prefix = "Pietura snapshot rejected: ";
    return why.rfind(prefix, 0) == 0 ? why : prefix + why;
}

// Runs one call into the core. A C++ exception must not reach JS as an opaque
// pointer: bad arguments become a RangeError, anything else (a damaged page met now,
// a query over its work limit) an Error saying the snapshot is rejected. The JS
// exception is thrown only after `f`'s locals are gone, as it skips C++ destructors.
template <class F>
auto guard(F&& f) -> decltype(f()) {
    std::string error;
    const char* type = "Error";
    try {
        return f();
    } catch (const std::invalid_argument& e) {
        type = "RangeError";
        error = e.what();
    } catch (const std::exception& e) {
        error = rejected(e.what());
    }
    throw_error(type, error);
}

// A Uint8Array's bytes in one bulk copy (never through a JS string, which would
// mangle bytes ≥ 128).
inline std::vector<std::uint8_t> bytes_of(const val& array) {
    std::vector<std::uint8_t> buf(array["length"].as<std::size_t>());
    val(emscripten::typed_memory_view(buf.size(), buf.data())).call<void>("set", array);
    return buf;
}

// A Uint8Array's bytes as std::string_view, handed to `make` (which returns the
// value), for a constructor that reads a file the worker or page fetched: a value that
// is not a Uint8Array is a TypeError saying `expects`, and an exception of `make` an
// Error with `message(what())`. The copy is freed before the JS exception is thrown, as
// it skips every C++ destructor.
template <class F>
auto from_bytes(const val& bytes, const char* expects, F&& make, std::string (*message)(const std::string&) = rejected)
    -> decltype(make(std::string_view())) {
    if (!bytes.instanceof(val::global("Uint8Array"))) throw_error("TypeError", expects);
    std::string error;
    {
        std::vector<std::uint8_t> buf = bytes_of(bytes);
        try {
            return make(std::string_view(reinterpret_cast<const char*>(buf.data()), buf.size()));
        } catch (const std::exception& e) {
            error = message(e.what());
        }
    }
    throw_error("Error", error);
}

// Search hits as the JS API gives them: [{id, kind, title, titleHtml, url, summary, score, weak}].
inline val hits(const std::vector<search::Hit>& found) {
    val out = val::array();
    int k = 0;
    for (auto& h : found) {
        val o = val::object();
        o.set("id", h.id);
        o.set("kind", h.kind);
        o.set("title", h.title);
        o.set("titleHtml", h.title_html);
        o.set("url", h.url);
        o.set("summary", h.summary);
        o.set("score", h.score);
        o.set("weak", h.weak);  // issue 14: a guess, shown apart from real answers
        out.set(k++, o);
    }
    return out;
}

// The labels a page hands over for one component, as the core's string table in
// that language. A key the component needs and the page did not give is an error
// (Strings::get throws), never a silent gap.
inline site::Strings strings_from(const val& o, Lang lang) {
    std::map<std::string, std::string> m;
    if (!o.isNull() && !o.isUndefined() && o.typeOf().as<std::string>() == "object") {
        val keys = val::global("Object").call<val>("keys", o);
        for (unsigned i = 0, n = keys["length"].as<unsigned>(); i < n; ++i) {
            std::string k = keys[i].as<std::string>();
            if (o[k].isString()) m[k] = o[k].as<std::string>();
        }
    }
    return lang == Lang::lv ? site::Strings::from_maps(std::move(m), {}) : site::Strings::from_maps({}, std::move(m));
}

// "3 rezultāti", "11 rezultātu": the header box's count in words, by the core's plural
// rules (site/components/search_results), from the strings the page carries. Both
// modules answer it, so the box never needs Intl.PluralRules for it.
inline std::string results_count(double n, Lang lang, const val& strings) {
    if (!(n >= 0 && n <= 1e6)) throw std::invalid_argument("n must be a count from 0");
    return site::components::results_count(strings_from(strings, lang), lang, static_cast<std::size_t>(n));
}

}  // namespace pietura::wasm
