"""Notifications: the services' events heard as a subscriber, turned into inbox items and mails
for the people of the organisation concerned, in their language, once per event and person."""
