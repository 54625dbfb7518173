-- An offer ends as `withdrawn` when its case leaves the journey (the worker withdraws, the agency closes the
-- case) while the offer is live: the seat and the candidate are released like a decline.
alter table offers drop constraint offers_status_check;
alter table offers add constraint offers_status_check
  check (status in ('selected', 'offered', 'accepted', 'declined', 'expired', 'contracted', 'withdrawn'));
comment on column offers.status is 'selected (employer chose, the origin agency has not sent the offer yet), offered, accepted, declined, expired, contracted, or withdrawn (the case was withdrawn or closed while the offer was live).';
