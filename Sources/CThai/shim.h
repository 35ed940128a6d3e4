#ifndef AUTHEN_KIOSK_CTHAI_SHIM_H
#define AUTHEN_KIOSK_CTHAI_SHIM_H
#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#endif
