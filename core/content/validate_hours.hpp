// content/validate_hours.hpp — the one question content asks of the hours module.
//
// Kept behind this tiny seam so the loader reports opening-hours syntax errors
// at the exact column without knowing how the parser works.
#pragma once

#include <optional>
#include <string>

namespace pietura::content {

struct HoursProblem {
    int column = 1;  // 1-based character column inside the spec
    std::string message;
};

std::optional<HoursProblem> check_opening_hours(const std::string& spec);

}  // namespace pietura::content
