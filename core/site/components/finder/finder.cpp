#include "site/components/finder/finder.hpp"

#include <set>

#include "site/components/nearby_item/nearby_item.hpp"
#include "site/page.hpp"

namespace pietura::site::components {

using content::Institution;
using content::Service;
using html::esc;
using internal::all;
using internal::by_title;
using internal::sorted;

std::string finder(const Strings& s, Lang lang, const content::Content& c) {
    const Options no_options;
    const internal::Ctx x{c, s, no_options, lang};
    std::string h = "<section id=\"finder\" class=\"finder needs-js\" aria-labelledby=\"finder-heading\"";
    for (const char* k : {"located", "locating", "geo-failed", "unknown-place", "unknown-service", "none", "found", "choose"})
        h += std::string(" data-") + k + "=\"" + x.e(std::string("cps.find.msg.") + k) + "\"";
    // The labels of the answers, which the core renders in the browser (nearby_item).
    h += " data-card-strings=\"" + html::strings_json(s, lang, nearby_item_keys()) + "\"";
    h += ">\n<h2 id=\"finder-heading\">" + x.e("cps.find.heading") + "</h2>\n";
    h += "<form id=\"finder-form\" class=\"finder-form\" novalidate>\n";
    h += "<div class=\"field\"><label for=\"place\">" + x.e("cps.find.place") + "</label>\n<p class=\"hint\" id=\"place-hint\">" +
         x.e("cps.find.place.hint") +
         "</p>\n<input type=\"text\" id=\"place\" name=\"place\" autocomplete=\"off\" list=\"place-options\" "
         "aria-describedby=\"place-hint\">\n<datalist id=\"place-options\"></datalist></div>\n";
    h += "<p><button type=\"button\" id=\"locate\" class=\"button-secondary\">" + x.e("cps.find.locate") + "</button></p>\n";
    h += "<fieldset class=\"filters\">\n<legend>" + x.e("cps.find.filters") + "</legend>\n";
    if (internal::services_split(c)) {
        // Issue 13: at the national catalogue a list of every service was 3,300 options,
        // 420 KB of the 550 KB page, and no way to choose with a keyboard or a screen
        // reader; the core's search offers the services as their name is typed instead.
        h += "<div class=\"field\"><label for=\"f-service\">" + x.e("cps.find.service") +
             "</label>\n<p class=\"hint\" id=\"f-service-hint\">" + x.e("cps.find.service.hint") +
             "</p>\n<input type=\"text\" id=\"f-service\" name=\"service\" autocomplete=\"off\" "
             "list=\"service-options\" aria-describedby=\"f-service-hint\">\n<datalist id=\"service-options\"></datalist></div>\n";
    } else {
        h += "<div class=\"field\"><label for=\"f-service\">" + x.e("cps.find.service") +
             "</label>\n<select id=\"f-service\" name=\"service\">\n<option value=\"\">" + x.e("cps.find.any") +
             "</option>\n";
        for (auto* sv : sorted(x, x.c.services))
            if (sv->channels.contact_point)
                h += "<option value=\"" + esc(sv->id) + "\">" + esc(sv->title[x.lang]) + "</option>\n";
        h += "</select></div>\n";
    }
    h += "<div class=\"field\"><label for=\"f-remote\">" + x.e("cps.find.remote") +
         "</label>\n<select id=\"f-remote\" name=\"remote\">\n<option value=\"\">" + x.e("cps.find.any") + "</option>\n";
    std::set<std::string> remote_ids;
    for (auto& cp : x.c.contact_points) remote_ids.insert(cp.remote_consultation.begin(), cp.remote_consultation.end());
    for (auto* inst : by_title(x, all(x.c.institutions),
                               [&](const Institution& i) -> const std::string& { return i.name[x.lang]; }))
        if (remote_ids.count(inst->id))
            h += "<option value=\"" + esc(inst->id) + "\">" + esc(inst->name[x.lang]) + " (" + esc(inst->abbr[x.lang]) +
                 ")</option>\n";
    h += "</select></div>\n";
    for (auto [name, key] : {std::pair{"openNow", "cps.find.open_now"}, {"saturday", "cps.find.saturday"},
                             {"after17", "cps.find.after17"}, {"stepFree", "cps.find.step_free"}})
        h += "<div class=\"check\"><input type=\"checkbox\" id=\"f-" + std::string(name) + "\" name=\"" + name +
             "\"><label for=\"f-" + name + "\">" + x.e(key) + "</label></div>\n";
    h += "</fieldset>\n<p><button type=\"submit\">" + x.e("cps.find.submit") + "</button></p>\n</form>\n";
    h += "<p id=\"finder-status\" class=\"finder-status\" role=\"status\" aria-live=\"polite\"></p>\n";
    h += "<ol id=\"finder-results\" class=\"nearby-list\"></ol>\n";
    return h + "</section>\n";
}

}  // namespace pietura::site::components
