-- Reports of one event are merged on the city's key (Dossier.Domain.MeetingIdentity.CityKey): the gazetteer's name of the
-- city, the same for every spelling (Marrakech, Marrakesh), instead of an alias list in the store. Rows written before this
-- version have no key; the store then folds the city as written.
ALTER TABLE events ADD COLUMN city_key text NULL;
ALTER TABLE event_sources ADD COLUMN city_key text NULL;
