from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "livingplan.appointments"
    label = "appointments"
    verbose_name = "Appointments: meetings with invitations (.ics) through each participant's channel"
