"""Open Referral UK (the UK profile of HSDS 3): reading a file into resources, and writing them out.

`reading` turns a file into services or a list of problems (which record, which field, why);
`writing` gives the directory as a page of services. Neither touches the database: the guarded
`services.importing.import_directory` saves a whole file in one transaction or nothing.
"""
