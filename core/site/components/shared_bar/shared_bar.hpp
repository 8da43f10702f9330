// site/components/shared_bar — shared-computer mode on every page (issue 12).
//
//   h += components::shared_bar(strings, lang, options.shared_pc);   // after the skip link
//   h += components::finish_form(strings, lang, "finish-clear-nojs"); // in the footer
//
// shared_bar(): the bar saying this PC is shared, with "Finish and clear", and the
// inactivity dialog that asks for more time before clearing (WCAG 2.2.1). Hidden
// unless `shown` (a page the server renders for a PC with the pietura_shared cookie);
// app.js shows it when this PC's setting says shared. Escape in the dialog means
// "more time", never "clear"; "No, finish now" is the secondary button.
// finish_form(): "Finish and clear" as a plain POST form to /api/finish, which the
// server answers with Clear-Site-Data; with JavaScript app.js clears first and keeps
// the PC's settings and the offline copy. `id` names its button (one per page each).
// The countdown's sentences, in their plural forms, come from countdown_texts() (issue 14).
#pragma once

#include <string>

#include "site/site.hpp"

namespace pietura::site::components {

std::string shared_bar(const Strings& s, Lang lang, bool shown);

// The longest countdown the inactivity dialog shows, in seconds.
inline constexpr int kCountdownSeconds = 60;
// <template id="timeout-texts"> with each form of the sentence once and the seconds
// left (0 to kCountdownSeconds) it is for: <p data-s="1 21 31 41 51">… Pēc {s}
// sekundes …</p>. shared_bar() puts it in the dialog; the script shows the line that
// lists the seconds left, with the number for {s}.
std::string countdown_texts(const Strings& s, Lang lang);
std::string finish_form(const Strings& s, Lang lang, const std::string& id);

}  // namespace pietura::site::components
