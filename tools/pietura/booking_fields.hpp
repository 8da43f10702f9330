// tools/pietura/booking_fields.hpp — the names tools/pietura used before the booking
// request's field list and the slot-days cap moved into core/booking/booking.hpp.
//
// Kept only so that files still including it (cmd_export.cpp, cmd_slots.cpp, store.cpp,
// tests/core/server_test.cpp) build unchanged; they can include "booking/booking.hpp"
// and name booking::kRequestTextFields / booking::kMaxSlotDays instead, and then this
// header goes. It defines nothing of its own.
#pragma once

#include "booking/booking.hpp"

namespace pietura::cli {

using booking::kMaxSlotDays;
using booking::kRequestTextFields;
using booking::RequestTextField;

}  // namespace pietura::cli
