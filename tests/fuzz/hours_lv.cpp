// Target 2: Latvian hours text → opening_hours (`pietura import hours --text`).
// Input: the text as a municipality's spreadsheet has it.
//
// Promise checked: what the converter returns is valid opening_hours (import.hpp
// says it checks its own output), and a refusal says why.
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"
#include "import/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto r = pietura::import::convert_hours_lv(text);
    if (!r.spec) {
        if (r.error.empty()) fuzz::broken("a refused hours text says why", std::string(text));
        return 0;
    }
    hours::ParseError err;
    if (!hours::Schedule::parse(*r.spec, &err))
        fuzz::broken("convert_hours_lv returns valid opening_hours",
                     std::string(text) + " -> " + *r.spec + ": " + err.to_string());
    return 0;
}
