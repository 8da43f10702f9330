// A life situation as a step-by-step guide, its yes/no questions filtering the steps.
#include <nlohmann/json.hpp>

#include "site/components/step_by_step/step_by_step.hpp"
#include "site/page.hpp"

namespace pietura::site::internal {

namespace {

// A service as one step of a guide shows it: enough to act on a printed checklist.
std::string service_in_step(const Ctx& x, const Service& s) {
    std::string h = "<li class=\"step-service\">\n<h3>" + link(x.url(Kind::service, s.id), esc(s.title[x.lang]));
    std::string abbr = inst_abbr(x, s.institution);
    if (!abbr.empty()) h += " " + abbr;
    h += "</h3>\n<p>" + esc(s.summary[x.lang]) + "</p>\n";
    h += "<h4>" + x.e("service.how") + "</h4>\n" + channels(x, s);
    h += "<dl class=\"facts\">\n";
    if (auto d = documents(x, s); !d.empty()) h += "<div><dt>" + x.e("service.documents") + "</dt><dd>" + d + "</dd></div>\n";
    h += "<div><dt>" + x.e("service.fee") + "</dt><dd>" + esc(s.fee[x.lang]) + "</dd></div>\n";
    h += "<div><dt>" + x.e("service.time") + "</dt><dd>" + esc(s.time[x.lang]) + "</dd></div>\n";
    h += "</dl>\n</li>\n";
    return h;
}

std::string when_text(const Ctx& x, const LifeSituation& ls, const Step& st) {
    std::string h;
    for (auto& cond : st.when) {
        if (!h.empty()) h += "; ";
        const std::string& qid = cond.first;
        auto q = std::find_if(ls.questions.begin(), ls.questions.end(), [&](auto& q) { return q.id == qid; });
        h += esc(q != ls.questions.end() ? q->text[x.lang] : qid);
        h += " — " + x.e(cond.second ? "answer.yes" : "answer.no");
    }
    return h;
}

// The machine-readable form of a step's condition, for instant filtering in JS.
std::string when_json(const Step& st) { return nlohmann::json(st.when).dump(); }

// Single-quoted so the JSON stays readable in the source; ' and & are escaped.
std::string attr_single(const std::string& v) {
    std::string out;
    for (char ch : v) {
        if (ch == '\'') out += "&#39;";
        else if (ch == '&') out += "&amp;";
        else if (ch == '<') out += "&lt;";
        else out += ch;
    }
    return out;
}

}  // namespace

Page situation(const Ctx& x, const LifeSituation& ls) {
    std::string m = "<p class=\"lead\">" + esc(ls.summary[x.lang]) + "</p>\n";
    m += audience_links(x, ls.audiences);

    if (!ls.questions.empty()) {
        // The answers narrow the steps in the browser (app.js); a static page cannot
        // filter, so without JavaScript the form stays hidden and every step shows. It
        // still has a real submit button (WCAG H32): pressing it filters in place.
        m += "<form method=\"get\" class=\"questions\" id=\"questions\" hidden data-steps-status=\"" +
             x.e("situation.steps.status") + "\">\n";
        m += "<h2>" + x.e("situation.questions") + "</h2>\n<p class=\"hint\">" + x.e("situation.questions.hint") +
             "</p>\n";
        for (auto& q : ls.questions) {
            m += "<fieldset class=\"question\" data-question=\"" + esc(q.id) + "\">\n<legend>" + esc(q.text[x.lang]) +
                 "</legend>\n<div class=\"radios\">\n";
            for (bool yes : {true, false}) {
                m += "<label class=\"radio\"><input type=\"radio\" name=\"" + esc(q.id) + "\" value=\"" +
                     (yes ? "yes" : "no") + "\"> " + x.e(yes ? "answer.yes" : "answer.no") + "</label>\n";
            }
            m += "</div>\n</fieldset>\n";
        }
        m += "<p id=\"steps-status\" class=\"steps-status\" aria-live=\"polite\"></p>\n";
        m += "<p class=\"button-row\"><button type=\"submit\">" + x.e("situation.questions.submit") +
             "</button> <button type=\"reset\" class=\"button-secondary\">" + x.e("situation.questions.reset") +
             "</button></p>\n</form>\n";
    }

    // Step by step (issue 15): with JavaScript each step folds under its heading
    // (step_by_step.js, the GOV.UK pattern); without it every step is open.
    m += components::step_by_step_controls(x.s, x.lang);
    m += "<ol class=\"steps\">\n";
    int n = 0;
    for (auto& st : ls.steps) {
        ++n;
        std::string num = std::to_string(n);
        m += "<li class=\"step\" id=\"step-" + num + "\"";
        if (!st.when.empty()) m += " data-when='" + attr_single(when_json(st)) + "'";
        m += ">\n<h2 class=\"step-title\"><span class=\"step-num\" aria-hidden=\"true\">" + num +
             "</span><span class=\"visually-hidden\">" + x.f("step.label", {{"n", num}}) + " </span>" +
             esc(st.title[x.lang]) + "</h2>\n<div class=\"step-body\" id=\"step-" + num + "-body\">\n";
        if (!st.when.empty())
            m += "<p class=\"step-when\"><strong>" + x.e("step.only_if") + "</strong> " + when_text(x, ls, st) +
                 "</p>\n";
        m += html::paragraphs(st.text[x.lang]);
        std::string services;
        for (auto& sid : st.services)
            if (auto* s = x.c.service(sid)) services += service_in_step(x, *s);
        if (!services.empty()) {
            m += "<ul class=\"step-services\">\n" + services + "</ul>\n";
            m += "<p class=\"step-help\">" + link(x.url(Kind::contact_points), x.e("step.help")) + "</p>\n";
        }
        m += "</div>\n</li>\n";
    }
    m += "</ol>\n";
    // The browser's own Print works without script; the button is for people who
    // would not find it in the menu, so app.js shows it only when it can act.
    m += "<p class=\"print-row\"><button type=\"button\" id=\"print-checklist\" class=\"button-secondary\" hidden>" +
         x.e("situation.print") + "</button></p>\n";

    std::vector<Entry> related;
    for (auto& rid : ls.related)
        if (auto* r = x.c.life_situation(rid)) related.push_back(entry(x, *r));
    if (!related.empty()) m += "<section class=\"related\">\n<h2>" + x.e("situation.related") + "</h2>\n" +
                               card_list(related) + "</section>\n";

    PageSpec p{Kind::situation, ls.id, ls.title[x.lang], ls.summary[x.lang],
               {{x.t("situations.title"), x.url(Kind::situations)}}};
    return page(x, p, m);
}

}  // namespace pietura::site::internal
