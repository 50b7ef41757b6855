# Fills a freshly provisioned Samba domain with the accounts the Active Directory tests sign in
# as. Run by SambaDomainController with Debian's python3 (python3-samba) before the domain
# controller starts, straight on its sam.ldb:
#   populate.py <path to sam.ldb> <password of every account>
#
# OU=People holds the users, OU=Groups the groups that count for access (the tests' group base);
# OU=Projects holds a group that does not count although it has a counting group's name.
import sys
import time

import ldb
from samba.auth import system_session
from samba.dsdb import GTYPE_DISTRIBUTION_UNIVERSAL_GROUP, GTYPE_SECURITY_GLOBAL_GROUP
from samba.param import LoadParm
from samba.samdb import SamDB

sam_path, password = sys.argv[1], sys.argv[2]
lp = LoadParm()
if len(sys.argv) > 3:
    lp.load(sys.argv[3])
db = SamDB(url=sam_path, session_info=system_session(), lp=lp)
root = str(db.domain_dn())
realm = db.domain_dns_name()

for ou in ("People", "Groups", "Projects"):
    db.create_ou("OU=%s,%s" % (ou, root))

people = "OU=People"
groups = "OU=Groups"

# Rights through nesting: dana is in vm-operators, which is in corral-admins (Administrator).
for name in ("corral-admins", "vm-operators", "branch-operators", "developers", "engineering", "auditors"):
    db.newgroup(name, groupou=groups, grouptype=GTYPE_SECURITY_GLOBAL_GROUP)
# A distribution list under the group base, and a security group of a counting name elsewhere:
# neither confers anything.
db.newgroup("announcements", groupou=groups, grouptype=GTYPE_DISTRIBUTION_UNIVERSAL_GROUP)
db.newgroup("corral-admins-elsewhere", groupou="OU=Projects", grouptype=GTYPE_SECURITY_GLOBAL_GROUP)
db.modify_ldif("""dn: CN=corral-admins-elsewhere,OU=Projects,%s
changetype: modify
replace: sAMAccountName
sAMAccountName: projects-corral-admins
""" % root)
db.rename(ldb.Dn(db, "CN=corral-admins-elsewhere,OU=Projects," + root), ldb.Dn(db, "CN=corral-admins,OU=Projects," + root))

users = {
    # account: (given name, surname)
    "dana": ("Dana", "Nested"),
    "erin.smith": ("Erin", "Smith"),
    "jürgen": ("Jürgen", "Müller"),
    "bea": ("Bea", "Branch"),
    "dev": ("Dev", "Eloper"),
    "auditor": ("Audrey", "Tor"),
    "disabled.user": ("Dis", "Abled"),
    "expired.user": ("Ex", "Pired"),
    "locked.user": ("Lock", "Ed"),
    "careless": ("Care", "Less"),
    "careful": ("Care", "Ful"),
    "corral-reader": ("Corral", "Reader"),
}
for account, (given, surname) in users.items():
    # CN=<account>; displayName "<given> <surname>".
    db.newuser(account, password, userou=people, givenname=given, surname=surname)

# A UPN suffix other than the domain's, as real domains often have.
db.modify_ldif("""dn: CN=erin.smith,%s,%s
changetype: modify
replace: userPrincipalName
userPrincipalName: erin.smith@acme.com
""" % (people, root))

db.add_remove_group_members("corral-admins", ["vm-operators"])
db.add_remove_group_members("vm-operators", ["dana", "erin.smith"])
db.add_remove_group_members("branch-operators", ["bea", "jürgen"])
db.add_remove_group_members("auditors", ["auditor", "disabled.user", "expired.user", "locked.user", "careless", "careful"])
db.add_remove_group_members("developers", ["dev", "engineering"])
db.add_remove_group_members("engineering", ["developers"])
db.add_remove_group_members("announcements", ["dev"])
db.add_remove_group_members("projects-corral-admins", ["dev"])

db.disable_account("(sAMAccountName=disabled.user)")

# accountExpires an hour ago (NT time: 100 ns since 1601).
nt_now = int((time.time() + 11644473600) * 10000000)
db.modify_ldif("""dn: CN=expired.user,%s,%s
changetype: modify
replace: accountExpires
accountExpires: %d
""" % (people, root, nt_now - 36000000000))

# A lock-out policy (3 wrong passwords lock for 30 minutes), and locked.user locked out now.
db.modify_ldif("""dn: %s
changetype: modify
replace: lockoutThreshold
lockoutThreshold: 3
-
replace: lockoutDuration
lockoutDuration: -18000000000
-
replace: lockOutObservationWindow
lockOutObservationWindow: -18000000000
""" % root)
db.modify_ldif("""dn: CN=locked.user,%s,%s
changetype: modify
replace: lockoutTime
lockoutTime: %d
""" % (people, root, nt_now))

print("populated %s (%s)" % (root, realm))
