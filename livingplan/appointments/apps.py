from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "livingplan.appointments"
    label = "appointments"
    verbose_name = "Appointments: meetings with invitations (.ics) through each participant's channel"

    def ready(self) -> None:
        # The journey (below us in the layers) knows the conversation is booked only through this.
        from livingplan.appointments.journey import conversation_booked
        from livingplan.journeys.facts import register_fact_finder

        register_fact_finder("appointments", conversation_booked)

        # The day-before reminders, run by `livingplan db_worker` (notifications sits below us).
        from livingplan.appointments import reminders
        from livingplan.notifications import periodic

        periodic.register(
            "appointments.reminders", reminders.remind_about_appointments, every_seconds=reminders.EVERY_SECONDS
        )
