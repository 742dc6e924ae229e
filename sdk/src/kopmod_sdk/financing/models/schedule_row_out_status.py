from enum import StrEnum

class ScheduleRowOutStatus(StrEnum):
    DUE = "due"
    OVERDUE = "overdue"
    PAID = "paid"
    PARTLY_PAID = "partly_paid"
    RESCHEDULED = "rescheduled"
    WRITTEN_OFF = "written_off"

    def __str__(self) -> str:
        return str(self.value)
