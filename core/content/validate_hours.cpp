#include "content/validate_hours.hpp"

#include "hours/hours.hpp"

namespace pietura::content {

std::optional<HoursProblem> check_opening_hours(const std::string& spec) {
    hours::ParseError e;
    if (hours::Schedule::parse(spec, &e)) return std::nullopt;
    return HoursProblem{int(e.column), e.message};
}

}  // namespace pietura::content
