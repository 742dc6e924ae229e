"""The fund officers' work queues: applications by state, age and holder; the collection list;
installments due soon; promises to pay."""
