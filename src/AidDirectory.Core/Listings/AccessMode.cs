namespace AidDirectory.Core.Listings;

public enum AccessMode
{
    WalkIn,
    Appointment,
    WalkInOrAppointment,
}
