#include "site/components/step_by_step/step_by_step.hpp"

#include "site/html.hpp"

namespace pietura::site::components {

std::string step_by_step_controls(const Strings& s, Lang lang) {
    auto e = [&](const char* key) { return html::esc(s.get(lang, key)); };
    // Both labels travel with the button, so the script never hard-codes a word.
    return "<p class=\"steps-controls\" hidden><button type=\"button\" class=\"button-secondary\" id=\"steps-all\" "
           "aria-expanded=\"false\" data-open=\"" + e("situation.steps.open_all") + "\" data-close=\"" +
           e("situation.steps.close_all") + "\">" + e("situation.steps.open_all") + "</button></p>\n";
}

}  // namespace pietura::site::components
