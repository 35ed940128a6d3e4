// libsystemd: tell the service manager the kiosk is up and alive (sd_notify: READY, WATCHDOG), and
// log to the journal with its own protocol (sd_journal_sendv), whatever standard error is.
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
