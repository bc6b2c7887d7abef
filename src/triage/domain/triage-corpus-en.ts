/**
 * English training cases for the triage classifier, written for this purpose (scenarios deliberately
 * different from the evaluation fixtures). One case per line: `CATEGORY SEVERITY | title | description`,
 * where CATEGORY is ACC accounts_signup, BIL billing, HOW how_to, UPD updates, CFG configuration,
 * NET connectivity, AVL availability, OTH other.
 */
export const TRIAGE_CORPUS_EN = `
ACC C | Contractor accounts with an end date | We have five contractors joining the data project for three months. Please create accounts for them and tell me if we can make the accounts expire automatically at the end of the contract.
ACC C | Frontline staff on shared tablets | Our warehouse pickers share four tablets. Do they each need their own account and licence, or is there a cheaper licence for frontline workers who only read Teams announcements?
ACC B | User deleted by mistake yesterday | I deleted the account of our purchasing manager by mistake yesterday while cleaning up old users. She can't sign in and her mailbox is gone from the list. Can it be restored with all her mail and OneDrive files?
ACC C | Add a mobile number as second factor | One of our senior engineers doesn't have a smartphone. Can he use a text message or phone call as his MFA method instead of the app? How do I register the number for him?
ACC C | Block sign-in for an employee on leave | Please block sign-in for wu.hao@tianyuan.partner.onmschina.cn from today until further notice; HR asked us to suspend access during an investigation. Keep the mailbox and files as they are.
ACC C | Convert our Azure trial to a paid subscription | Our free Azure trial ends next week and we'd like to continue through you with pay-as-you-go. How do we convert the subscription without losing the resources we created?
ACC C | Which account for the China tenant? | Our staff have accounts in the global Microsoft 365 of our parent company and new accounts in your 21Vianet tenant. They keep signing in with the wrong one. How can we tell them apart?
ACC C | Add an alias address to a user | Please add the alias info@tianyuan.cn to the mailbox of our office manager so she receives mail sent to both addresses.
ACC B | Account locks again and again after password change | Since Li Mei changed her password on Monday, her account gets locked every hour. We suspect her old iPad still tries the old password. She has to be unlocked each time and can barely work.
ACC A | Only admin unreachable, payroll deadline | The only person with admin rights is on a plane for 14 hours and nobody else can reset passwords or assign licences. Ten staff are locked out before the payroll run tonight. How can we get emergency admin access today?
ACC C | Enable passwordless sign-in for executives | Our executives find MFA prompts annoying. Can they sign in with the Authenticator app without a password, and what do we have to register for them?
ACC C | Second Azure subscription for a new project | We need a separate Azure subscription for a new analytics project so the costs are kept apart. Can you add it under our existing account?
ACC C | Forgot my password for your customer portal | I can't remember the password of my login on your reseller customer portal, and the reset email never arrives. My username is m.zhang@tianyuan.cn.
ACC B | New hire sees 'You don't have a licence' in Teams | We created an account for a new sales rep this morning and assigned Business Standard, but Teams says he doesn't have a licence for it. Outlook works. He is supposed to join customer calls this afternoon.
ACC B | Group-based licence assignment errors | Twelve users in the 'Sales-China' group show a licence assignment error ('conflicting service plans') after we added Business Premium to the group. They lost access to some apps.
ACC B | AADSTS50034 for a freshly created user | A user I created an hour ago gets 'AADSTS50034: The user account does not exist in the directory' when signing in. I can see her in the admin center. Is there a delay?
ACC A | Password spray - accounts locking across the tenant | Since 06:00 dozens of accounts across the company are getting locked out and the sign-in logs show thousands of failed attempts from foreign IPs. Staff can't work. We think it's an attack. What should we do right now?
ACC C | Returning employee needs her old account back | An engineer who left in March is coming back next month. Her account was disabled and the licence removed. Can we re-enable it with her old mail, or must we create a new one?
ACC C | Remove 20 intern accounts | The summer internship ended. Please delete the 20 accounts listed in the attached spreadsheet and free their licences.
ACC B | Registration rejected: company name mismatch | Our Azure account registration was rejected because the company name doesn't match the business licence. We used the English name. Which name should we enter? Our developers are waiting to start.
ACC C | Move our subscription to you from another reseller | We currently buy Microsoft 365 through another partner and want to move our 60 licences to you at renewal. What's the process and will users notice anything?
ACC C | Temporary access pass for a user with no MFA method | A user reset his phone and lost the Authenticator account; he has no other method. Can we give him a temporary code so he can register again?
ACC C | Scanner needs its own account | We need a mailbox-enabled account for our scanner to send scans by email. What licence does it need and how should we set the password?
ACC B | Sales team locked out after password policy reminder | Around ten people in the sales team were locked out this morning after changing passwords on their phones. We unlock them one by one but they get locked again.
BIL C | Paper invoice needed for our archive | Our finance department still needs a printed, stamped paper invoice for the archive in addition to the PDF. Can you post one each month?
BIL C | Explain the prorated charge | We added 10 Business Basic licences on the 18th and the invoice shows an odd amount for them. How is the prorated charge calculated?
BIL B | Azure credit not applied to our invoice | Our contract includes a CNY 10,000 Azure credit for the first year, but the invoice charges the full amount. Please apply the credit and send a corrected invoice.
BIL C | Invoice issued to the wrong subsidiary | The last invoice was addressed to our Beijing subsidiary, but the subscription belongs to the Shanghai company. Please reissue it to the correct entity.
BIL C | Confirm your bank account details | We received an email asking us to pay to a new bank account. Before we pay, can you confirm your correct bank details by phone? We don't want to fall for a fraud.
BIL B | Late payment fee we don't agree with | The new invoice includes a late payment fee of CNY 800, but we paid the previous one within the terms. Please remove the fee.
BIL C | Estimate for next year's budget | Finance is preparing next year's budget. Can you give us an estimate of our Microsoft 365 and Azure costs if we grow from 150 to 200 users?
BIL C | Pay by direct debit | Can we switch from bank transfer to automatic direct debit for monthly invoices? What form do you need?
BIL B | Unexpected charge for a security plan | A new line 'Defender for Servers Plan 2' appeared on the Azure invoice, about CNY 4,000. We never enabled it on purpose. Please explain and credit us if it was enabled automatically.
BIL B | Licences renewed although we cancelled | We told your account manager in writing that we would not renew our 30 Dynamics 365 licences, yet they renewed for another year and we were invoiced. Please cancel and refund.
BIL C | Fapiao not received three weeks after payment | We paid invoice INV-2025-0142 three weeks ago but haven't received the fapiao yet. Our tax filing deadline is at the end of the month.
BIL C | Split the invoice by department | Can the monthly invoice be split per department or cost centre (Sales, R&D, Operations) so each department pays its own licences?
BIL C | One invoice for our three subsidiaries | We have three subsidiaries each receiving separate invoices. Could you consolidate them into one invoice to the group's shared service centre?
BIL C | Price of Dynamics 365 extra storage | How much does additional Dynamics 365 database capacity cost per GB per month? We are approaching our storage limit.
BIL B | Card payment declined | Our credit card payment for this month was declined and we got a warning that the subscription may be suspended. We updated the card; can you retry the charge?
BIL A | Services will be suspended tonight - need an extension | We received a final notice that our Azure subscription will be suspended tonight for the overdue invoice. The payment is approved but the bank transfer takes two days. Our e-commerce platform runs on it. Please grant an extension today.
BIL B | Charged the full year after cancelling in month two | We cancelled a monthly-billed plan in its second month, but we have been invoiced for twelve months. Please correct it.
BIL C | Why did our storage costs grow? | Our storage costs keep growing month after month. Could leftover disk snapshots be the reason, and how do we see which ones cost the most?
BIL C | Exchange a reserved instance | We bought a one-year reservation for D-series VMs but moved the workload to another size. Can the reservation be exchanged or refunded?
BIL C | Year-end statement of account | Please send us a statement of account for the year with all invoices and payments, for our year-end reconciliation.
BIL B | Contract discount missing on invoices | Our contract gives a 12% discount on Microsoft 365 E3, but the last three invoices show the list price. Please correct them and credit the difference.
BIL C | Audio conferencing add-on price | What does the audio conferencing add-on for Teams cost per user, and can we buy it only for five users?
HOW C | Forward my mail while I'm away | I'm travelling for two weeks without my laptop. How do I forward my email to my colleague's mailbox automatically, and then turn it off when I'm back?
HOW C | Breakout rooms in a Teams meeting | How do I split participants into breakout rooms during a Teams training session? Do I need to be the organizer?
HOW C | VM with a static private IP | How do I give an Azure VM a static private IP address so our license server keeps the same address after a restart?
HOW C | Restore Azure SQL to an earlier point in time | Someone ran a bad update on our test database this morning. How do we restore an Azure SQL database to its state at 9:00, and does it replace the current one?
HOW C | Recall a message sent by mistake | How can I recall an email I sent to the wrong distribution list 10 minutes ago? Does it work for external recipients?
HOW C | Move a VM to another resource group | We reorganised our resource groups. What are the steps to move a running VM and its disks to another resource group, and is there downtime?
HOW C | Read-only Azure access for our auditor | An external auditor needs to review our Azure configuration for two weeks. What's the right way to give her read-only access to the subscription?
HOW C | Webinar with registration in Teams | We are organising a customer webinar for about 200 people. How do we set up a Teams webinar with a registration form?
HOW C | Holiday calendar for the whole company | How can we publish a shared calendar with public holidays and office closures that everybody sees in Outlook?
HOW C | Install Office on a Mac | A new designer uses a MacBook. How does she install Word, Excel and Outlook from our Microsoft 365 operated by 21Vianet, and which sign-in page should she use?
HOW C | Storage Explorer with the China cloud | How do I configure Azure Storage Explorer to connect to our storage accounts in Azure operated by 21Vianet? It only shows the global environment.
HOW C | Alert when a VM's CPU stays high | How do I set up an alert that emails us when the CPU of a VM stays above 90% for 10 minutes?
HOW C | Connect Power BI to an Azure SQL database | What's the recommended way to build a Power BI report on our Azure SQL database, and do we need a gateway for scheduled refresh?
HOW C | Turn on an online archive for a big mailbox | Our director's mailbox is almost full. How do we enable an archive mailbox and move older mail there automatically?
HOW C | Delete a team I own | How do I delete a Teams team I created for a finished project, and can it be recovered if someone still needs the files?
HOW C | Plan a project in Planner | Is there a guide for setting up a Planner plan with buckets and due dates for a small project team?
HOW C | Send an encrypted email | How do I send an encrypted email with a contract to an external lawyer, and can she open it without a Microsoft account?
HOW C | Deploy a Bicep template to China regions | Our templates deploy fine in global Azure but fail on region names in China. Which locations and endpoints should we use when deploying to Azure operated by 21Vianet?
HOW C | Disaster recovery for our VMs | We'd like to replicate our most important VMs from China East 2 to China North 2 for disaster recovery. What service should we use and how do we get started?
HOW C | Two Teams accounts on one PC | Some of us work for two companies in the group. Can Teams run with two work accounts at the same time, and how do we add the second one?
HOW C | Download a whole SharePoint library | How can I download all files of a SharePoint document library to my PC in one go, keeping the folder structure?
HOW C | Architecture advice for a mini-program backend | We're building the backend of a WeChat mini-program on Azure in China. Which services would you recommend for the API and database, and is there reference documentation? Nothing is live yet.
HOW C | Shared OneNote notebook for the team | How do we create a OneNote notebook that the whole support team can edit together, stored in our Teams channel?
HOW C | Co-organizers in Teams meetings | How do I add a colleague as co-organizer of a recurring Teams meeting so she can manage it when I'm away?
HOW B | Moving our file server data before a lease ends | Our office lease ends in six weeks and the on-premises file server must go. What's the recommended way to move about 600 GB of departmental folders and permissions into Microsoft 365? We need to plan it now.
UPD C | Exchange Online PowerShell module version retirement | We got a notice that older versions of the Exchange Online PowerShell module will stop working. Our nightly scripts use version 2. What do we need to upgrade and before when?
UPD C | Azure AD Graph retirement and our internal app | Our internal HR app still calls the Azure AD Graph API. When will it be retired in the 21Vianet cloud and what should the developers move to?
UPD B | Teams stuck on 'We're updating' | About 20 PCs show 'We're updating Teams' at every start and never finish. Users join meetings from the browser in the meantime. Reinstalling helps only for a day.
UPD C | Office for Mac version support | Three Macs still run macOS 11. Will Microsoft 365 for Mac keep receiving updates on this version, or do we need to upgrade macOS first?
UPD B | Outlook for iOS blank inbox after app update | Since the Outlook app update on iPhone yesterday, about 15 users see an empty inbox. Mail works on their PCs. Reinstalling the app fixes it for some.
UPD C | MySQL 5.7 end of support | Our Azure Database for MySQL servers run version 5.7. When does support end in Azure China, and what is the upgrade path to 8.0?
UPD C | Functions Python runtime retirement | The portal says the Python 3.8 runtime of our function apps will be retired. What's the deadline and will the apps stop running after it?
UPD C | Scheduled maintenance reboot for our VMs | We received a notification that several VMs will be rebooted for host maintenance next week. Can we choose the time ourselves before the deadline?
UPD C | SharePoint 2013 workflows going away | A few of our SharePoint sites still use SharePoint 2013 workflows for approvals. When do they stop working and what should replace them?
UPD C | Internet Explorer mode for our old intranet | Our legacy intranet only works in Internet Explorer. With IE retired, how long can we use IE mode in Edge?
UPD B | Windows updates stuck at 0% on Azure VMs | Monthly updates on 6 of our Windows Server 2016 VMs stay at 'Downloading 0%' for hours. The servers are still running but unpatched, and the audit is in two weeks.
UPD B | Edge update broke single sign-on to our intranet | After Edge updated to the latest version, about 40 users are asked for credentials on our intranet, which used to sign them in automatically. Chrome still works.
UPD C | Disable the new Outlook toggle for now | We aren't ready for the new Outlook for Windows. Can we hide the 'Try the new Outlook' toggle for all users until we've tested it?
UPD C | Microsoft 365 Apps vs Office LTSC | Our factory PCs are offline most of the time. Should we use Office LTSC instead of Microsoft 365 Apps so they don't need monthly updates?
UPD B | Teams Rooms device firmware update failed | The firmware update on two of our Teams Rooms consoles failed overnight and they now show 'Update required'. Other rooms work, but the board room is unusable.
UPD C | Gateway update required for Power BI | Power BI tells us our on-premises data gateway is several versions behind. Do we have to update it now, and will refreshes stop if we don't?
UPD B | Print jobs fail after cumulative update | After this month's cumulative update on our Azure-hosted print server, printing from 30 PCs fails with 'Operation could not be completed'. Uninstalling the update fixes it.
UPD C | When will the security fix reach 21Vianet? | Microsoft published a critical fix for Exchange this week. Has it already been deployed to Exchange Online operated by 21Vianet, or is there a delay?
UPD C | SQL Server 2014 on our VMs | Two Azure VMs still run SQL Server 2014. Are Extended Security Updates available in Azure China and how do we get them?
UPD B | Excel crashes for finance after build change | Since the Current Channel build changed on Tuesday, Excel crashes for 12 finance users when they open large pivot tables. Others are fine. Can we hold back the build for them?
UPD C | Dynamics 365 release wave and our customisations | The next Dynamics 365 release wave will be applied in October. How can we test our customisations before it's turned on?
UPD A | Patch reboot took the payment servers down | The automatic patch reboot at 01:00 left both of our payment API VMs in a boot loop ('Undoing changes made to your computer'). Online payments are down for all customers. We need help now.
UPD B | Antivirus blocks the new Teams version | Our antivirus quarantines the new Teams package after the latest update, so 25 users can't open Teams on their laptops. They use the web version for now.
UPD C | Old OneDrive client version warning | The admin center says 40 PCs run an OneDrive sync client that will soon be unsupported. How do we force the update?
UPD C | Windows Update for Business deferral | We'd like feature updates delayed by 90 days on all laptops. Where do we set this and does it apply to security updates too?
CFG C | SMTP relay connector for our ERP | Please set up a connector so that our on-premises ERP server (fixed IP 58.xx.xx.12) can relay invoices to external customers through Exchange Online.
CFG C | Journal all mail of the trading desk | For regulatory reasons, all mail of the trading desk must be journaled to an external archive address. Please configure journaling for those 8 mailboxes.
CFG C | OneDrive storage for the design team | Please increase the OneDrive storage quota of the five designers to 5 TB. Their video projects are huge.
CFG B | Partner's emails quarantined as spam | Since Monday every email from our main supplier lands in quarantine as high-confidence spam. We release them by hand. Can we allow their domain in the anti-spam policy?
CFG B | Safe Links breaks links to our ERP portal | Safe Links rewrites the links in our internal notification emails and the ERP portal rejects the rewritten URLs. Can we exclude our own domain?
CFG C | Turn on self-service password reset | Please enable self-service password reset for all users, with phone and email as methods, so the helpdesk gets fewer calls.
CFG C | Default sharing link to specific people | Please change the default SharePoint and OneDrive sharing link to 'Specific people' instead of 'People in your organization'.
CFG C | Block USB storage on company laptops | Please configure Intune to block USB storage devices on all Windows laptops except IT's.
CFG B | App login fails after redirect URI change | Our internal expense app fails at sign-in with AADSTS50011 (reply URL mismatch) since the developer changed the app registration. Users are filing expenses on paper for now.
CFG B | HTTPS on the custom domain of our CDN | We added our custom domain to Azure CDN but the managed certificate stays 'pending validation' and the site shows a certificate warning. Our marketing launch is next week.
CFG B | Auto-shutdown turned off a production VM | Someone enabled auto-shutdown at 19:00 on what turned out to be a production VM; the reporting job failed last night. Please help us review auto-shutdown settings on all VMs.
CFG A | Lifecycle rule deleted current data | We added a lifecycle management rule yesterday to delete blobs older than 30 days, but it seems to have deleted current files in the production container too. Customers see missing documents. Can soft delete bring them back?
CFG C | Verify a second domain | Please help us add and verify our new brand domain in the tenant. Where do we find the TXT value to create?
CFG B | Dynamic group includes the wrong people | Our dynamic distribution group 'All Shanghai' now includes Beijing staff because of the membership rule. Messages go to the wrong people. How should the rule look?
CFG C | Share free/busy with our sister company | Please configure calendar sharing so that our sister company, also on 21Vianet, can see our free/busy times.
CFG C | Allow a third-party app in Teams | Please allow the polling app 'QuickPoll' in our Teams app permission policy for all users.
CFG B | Azure Policy blocks our deployment | Our deployment to China North 3 fails with 'RequestDisallowedByPolicy'. We think an allowed-locations policy assigned last month is too strict. How do we add the region?
CFG B | Backups not running since policy change | After editing the backup policy last week, the daily backups of 7 VMs haven't run. The VMs are fine but unprotected.
CFG C | Turn on mailbox auditing for executives | Please make sure mailbox auditing records owner and delegate actions on the executives' mailboxes.
CFG B | Exclude a service account from Conditional Access | Our backup service account is blocked by the MFA Conditional Access policy, so the nightly export fails. How do we exclude it safely?
CFG A | Hybrid connector certificate mismatch - mail queuing | We renewed the certificate on our hybrid Exchange server this morning and since then all mail between on-premises and Exchange Online is queuing with a TLS error. 400 users can't receive external mail. Please help.
CFG A | Wrong Wi-Fi profile pushed to all laptops | An Intune Wi-Fi profile with a wrong pre-shared key was pushed to all 300 laptops this morning and replaced the working one. Nobody in the office can get on the network. How do we roll it back?
CFG A | Load balancer probe misconfigured - site down | After we changed the health probe path on our load balancer, all backend VMs are marked unhealthy and the website is down. We need to fix the probe configuration urgently.
CFG C | Make the new domain the primary address | We want everyone's primary email address to change from @tianyuan.cn to @tianyuan-group.com, keeping the old one as an alias. Please configure it.
CFG C | Quarantine notification emails | Users don't know when their mail goes to quarantine. Can you configure daily quarantine notifications for all users?
CFG B | Retention label removing files too early | A retention label we published last month deletes files after 1 year instead of 7 for the legal library. Some documents already went to the recycle bin.
CFG C | DMARC policy to reject | Our DMARC record is currently p=none. Please help us move to p=quarantine and then p=reject safely, and tell us which records to change.
NET B | SharePoint slow for staff working from home | Staff working from home on China Unicom broadband say SharePoint uploads crawl, while the office is fast. Some have to come in just to upload drawings.
CFG B | | VMs lost internet after route table change | After our network team attached a new route table sending traffic to the firewall appliance, the app VMs can't reach the internet or Windows Update. Internal traffic is fine.
NET B | On-premises DNS can't resolve private endpoints | Our domain controllers forward to the Azure DNS resolver, but since yesterday on-premises clients get the public address for our storage private endpoint.
NET B | Teams sign-in fails since IPv6 was enabled | Our ISP enabled IPv6 at the Hangzhou office on Monday. Since then Teams and OneDrive fail to sign in on about half the PCs. Disabling IPv6 on a PC fixes it.
NET C | Slow access while travelling abroad | I'm visiting our office in Germany and SharePoint and Outlook from the 21Vianet tenant are very slow. Is there anything that helps for cross-border access?
NET B | PAC file missing the SharePoint domains | Uploads to SharePoint fail for users behind the proxy, but work when the proxy is bypassed. I think our PAC file is missing *.sharepoint.cn. Which domains should bypass the proxy?
NET B | Teams audio drops at the new branch | The new Xiamen branch uses an SD-WAN box, and Teams calls drop after a minute or two. Chat is fine and calls from home are fine.
NET B | Firewall IPS blocks autodiscover | Our firewall's intrusion prevention started flagging autodiscover traffic to partner.outlook.cn, so new Outlook profiles can't be created in the office. Existing profiles work.
NET B | SSL VPN users can't reach the Azure VNet | Since the route change on our VPN concentrator yesterday, staff on the SSL VPN can't reach the Azure VMs, though they can reach the office servers.
NET A | Datacenter VPN to Azure keeps flapping | The IPsec tunnel from our datacenter to Azure goes down every few minutes since 03:00. The order system replicates over it and the warehouse can't pick orders. Please help urgently.
NET C | Outlook can't connect on my home router | At home Outlook stays 'Disconnected', on my phone hotspot it works. Colleagues at home are fine. Could my router block something?
NET B | Large uploads to blob fail over VPN | Uploading files larger than 100 MB to our storage account over the site-to-site VPN fails halfway; small files are fine. Could it be an MTU issue?
NET C | VM can't send mail on port 25 | Our Linux VM can't connect to external mail servers on port 25, the connection just times out. Is outbound port 25 blocked in Azure China?
NET B | SNAT port exhaustion timeouts | Our app VMs behind a NAT gateway get connection timeouts to an external API at peak hours. Metrics show SNAT port usage near the limit.
NET B | DNS filter blocks the China cloud login | Our new DNS filtering service blocks *.chinacloudapi.cn, so Azure CLI and the portal login fail for developers in the office. At home it works.
NET C | Meeting room iPads stuck at the Wi-Fi login page | The iPads in our meeting rooms lose the Teams connection every morning because the guest Wi-Fi shows a login page again. Can we avoid that?
NET B | Packet loss from Hong Kong to China East 2 | Our Hong Kong office sees 5-10% packet loss to our VMs in China East 2 since last week, so remote desktop sessions are painful.
NET A | Office DNS server failure | Our internal DNS server crashed at 08:30 and nobody in the 150-person office can reach Outlook, Teams or any website. Mobile data works. We need help to get people working again.
NET B | VDI users have poor Teams media | Users on our virtual desktops have robotic audio and no video in Teams calls. Physical PCs on the same network are fine. Is media optimisation blocked by our firewall?
NET B | TLS handshake failures through the new proxy | Our new proxy only allows certain cipher suites, and since then OneDrive and Teams fail with TLS handshake errors on some PCs. Browsing works.
NET B | Free/busy from the cloud fails - inbound 443 blocked | Cloud users can't see the calendars of on-premises mailboxes. Our firewall blocks inbound 443 from the Exchange Online IP ranges. Which ranges should we allow?
NET C | One meeting room PC can't join meetings | The PC in meeting room 3 can't join any Teams meeting; other PCs can. It's on the wired network in that room. Could the wall port be on the wrong VLAN?
NET A | Nobody can reach Azure Virtual Desktop | Since 07:45 none of our 220 remote staff can connect to Azure Virtual Desktop; the client says the gateway can't be reached. Nothing changed on our side. The whole call centre is idle.
NET C | Outlook mobile won't sync on office Wi-Fi | My iPhone's Outlook app stops syncing whenever I'm on the office Wi-Fi, on 4G it's fine. Only my phone seems affected.
NET C | WebSocket blocked - dashboards don't update live | Our real-time dashboards don't update in the office, but do from home. Could the proxy block WebSocket connections?
AVL A | Outlook on the web shows a blank page for everyone | Since 10:15 Outlook on the web shows only a blank page for every user in our tenant, in all browsers and networks. Desktop Outlook works for now. Is there an incident?
AVL A | Azure Virtual Desktop session hosts unavailable | All session hosts in our host pool in China East 2 show 'Unavailable' since 08:00 and nobody can start a session. We changed nothing. 300 staff can't work.
AVL C | Azure Monitor alerts arriving late | Our metric alerts arrive 20-30 minutes late today. Nothing critical, but is Azure Monitor delayed in China North 2?
AVL B | Container registry pulls failing | Image pulls from our container registry in China East 2 fail with 503 about half the time since this morning, so some deployments stall. Retries eventually work.
AVL B | Key Vault throttling errors | Our apps get 429 and 503 responses from Key Vault since midnight, even though traffic hasn't changed. Some requests fail and users see errors.
AVL B | Cosmos DB latency spike | Cosmos DB read latency in China North 3 jumped from 5 ms to 800 ms since 14:00 with no change in load. The app is slow but working.
AVL A | Service Bus timeouts stop order processing | Since 11:20 every call to our Service Bus namespace times out. Order processing has stopped completely. Service health shows nothing. Please check the platform.
AVL B | Free/busy not loading for anyone | Since this morning the scheduling assistant in Outlook shows no free/busy information for anyone in the company. Meetings can still be booked, but blindly.
AVL B | OneDrive uploads fail everywhere | Since yesterday afternoon OneDrive uploads fail with 'Upload blocked' for many users in all our offices and from home. Downloads work.
AVL C | Forms not loading sometimes | Microsoft Forms sometimes shows an error when opening a form, then works after a refresh. Just reporting it.
AVL C | Teams presence stuck | For some colleagues, Teams presence stays 'Away' even when they are active. It's been like this for two days; not blocking anything.
AVL B | Planner tasks don't save | Changes to Planner tasks disappear after a few seconds for many users today. They re-enter them several times.
AVL A | Nobody can sign in to Microsoft 365 | Since 09:05 nobody in the company can sign in to any Microsoft 365 app; the sign-in page spins and then shows an error. This happens on every network. We changed nothing.
AVL B | Scheduled refreshes failing with service errors | Most of our scheduled Power BI refreshes failed overnight with an internal service error. Manual refresh sometimes works. Reports show yesterday's data.
AVL B | VM rebooted unexpectedly | Our SQL VM in China East 2 restarted by itself at 03:12 last night. Activity log mentions an unplanned host event. It's back now, but we want to know what happened.
AVL B | Files tab in Teams shows 'Something went wrong' | The Files tab in all Teams channels shows 'Something went wrong' for everyone since noon. Files can still be opened in SharePoint directly.
AVL C | Graph API returns occasional 429 | Our sync tool gets occasional 429 responses from Microsoft Graph, a few per hour. It retries fine. Is there a known throttling change?
AVL A | AKS nodes NotReady after a platform event | All nodes of our production AKS cluster went NotReady at 02:40 and our customer app is offline. Activity log shows a platform maintenance event. We need the service restored.
AVL A | External mail stuck with 4.4.7 errors | Since early morning, outbound mail to all external recipients is delayed and bounces with '4.4.7 Message expired'. Everyone in the company is affected. Nothing changed on our side.
AVL B | Incident marked resolved but we still see it | The service health incident about Exchange delays was marked resolved an hour ago, but our users still receive mail 20 minutes late.
AVL B | Backup jobs failing with a service error | Tonight's Azure Backup jobs for all our VMs in China North 2 failed with 'internal service error'. Yesterday they ran fine and we changed nothing.
AVL A | Outlook can't connect anywhere | Since 13:00 desktop Outlook shows 'Disconnected' for the whole company, at the office, at home and on mobile hotspots. Outlook on the web also fails to load. Customers can't reach us.
OTH C | Test ticket, please ignore | This is a test from our new ITSM integration. Please close it.
OTH C | Thanks for the help last week | Just wanted to say thanks to Lily for her help with our move last week. No action needed.
OTH C | Office coffee machine broken | The coffee machine on the 3rd floor is leaking water again. Can someone come and fix it?
OTH C | Looking for a marketing partnership | We are an events agency and would like to discuss a joint marketing campaign with your company. Who should we talk to?
OTH C | Unsubscribe me from your newsletter | Please remove my address from your monthly newsletter mailing list.
NET A | ExpressRoute routes withdrawn - plants offline | Since 06:10 our ExpressRoute private peering no longer advertises the 10.20.0.0/16 prefix to our on-premises routers; BGP is up but the route table is empty. Both plants use the MES in Azure and production is stopped. Please check the circuit on the Azure side.
NET B | ExpressRoute latency doubled | Round-trip time over our ExpressRoute circuit to China North 3 went from 8 ms to 25 ms since the carrier's maintenance on Saturday. File copies to Azure are noticeably slower, nothing is down.
NET B | One floor lost Outlook after DHCP change | After we moved the 4th floor to a new DHCP scope yesterday, about 18 PCs there show 'Outlook cannot connect' and Teams spins. Laptops taken to another floor work immediately. Web mail on the same PCs opens.
NET A | Branch office cut off from Microsoft 365 after router swap | Our Nanjing branch router was replaced during the night. Since 8:00 none of the 60 staff there can open Outlook, Teams or OneDrive, but Baidu and other sites load. The head office and people on 4G are fine.
CFG B | Customer's server rejects our mail - SPF missing our relay | A big customer's mail server rejects messages from our billing system with '550 SPF check failed'. The billing system relays through our own SMTP server, whose IP isn't in our SPF record. What should the record contain?
CFG B | Teams mobile sign-in points to the global service | After we added our domain, Teams on phones tries to sign in to the global service and fails. Our lyncdiscover and sip CNAME records were copied from an old guide. Which values are right for 21Vianet?
CFG C | Mail for one domain still goes to the old host | Half of our mail for the secondary domain still lands on the old hosting provider. The MX record there still has the old host at priority 5. Can you tell us exactly which MX records should remain?
HOW C | Recommended NSG rules for a web server VM | We are deploying a web server VM in China East 2. What inbound rules would you recommend on its network security group? Nothing is deployed yet, we want a secure baseline.
HOW C | DNS TTL before a mail migration | Before we switch our MX record next month, what TTL do you recommend lowering it to, and how many days ahead should we do it?
ACC C | Which initial domain should we pick? | We are about to sign up for Microsoft 365 through you. Is the initial .partner.onmschina.cn name visible to customers, and can we add our own domain later? Which name would you suggest?
ACC B | Tenant created under the wrong legal entity | During sign-up our tenant was registered under our Hong Kong company instead of the Shanghai entity that pays the bills. Can the tenant be moved to the right company, or do we need to start again? We have 12 users on it already.
AVL B | Teams calls drop for users in every office | Since this morning Teams calls drop after 5-10 minutes for users in all our offices and at home, on different networks. Chat and meetings in the browser work. It looks like a service problem.
UPD C | Feature missing after the latest release | The release notes for the latest Microsoft 365 Apps build mention a new Excel feature, but we don't see it. Is it rolled out later in the 21Vianet cloud?
BIL C | Price list for Azure in China | Where can we find the current price list for Azure services operated by 21Vianet in RMB? We need to compare VM sizes for a proposal.
ACC B | Global admin role removed by mistake | While tidying role assignments I removed the Global Administrator role from our IT manager's account. He now can't manage licences or users and we have three new starters tomorrow. Can another admin give it back, and is anything lost?
ACC C | Users show the onmschina address instead of ours | New users get sign-in names ending in .partner.onmschina.cn instead of @kunlun-tech.cn, even though our domain is verified. How do I change their username to our domain?
ACC B | Sign-up verification SMS never arrives | We are trying to register a new Azure account on your site, but the SMS verification code for our company mobile number never arrives, so we can't finish the sign-up. The project kick-off is on Monday.
ACC C | Billing administrator role for our accountant | Please give our accountant, r.song@kunlun-tech.cn, access so she can see invoices and subscriptions in the admin center, but she must not manage users or settings. Which role should she get?
ACC C | Remove admin rights of our former IT provider | We changed IT service providers. Please remove all admin roles and delegated access of the old provider's accounts from our tenant, and confirm which accounts still have admin rights.
ACC B | One mailbox compromised and sending spam | A sales assistant's account was used to send hundreds of spam emails last night and is now blocked from sending. We changed her password. How do we check what else was done and unblock her?
BIL B | Invoice still lists users we removed | The May invoice still charges Business Premium for 14 users we removed and unlicensed on 28 April. Please check the seat count and correct the invoice.
BIL C | Bilingual invoices | Can our invoices be issued in both English and Chinese? Our regional office in Singapore reviews them.
BIL C | Confirm you received our payment | We paid invoice INV-2025-0233 by bank transfer on Tuesday. Could you confirm receipt so our finance team can close the item?
HOW C | Add a Power BI report as a Teams tab | How do I pin a Power BI report as a tab in our sales team's channel so everyone sees it without opening the browser?
HOW C | How much storage is SharePoint using? | Where can I see how much of our SharePoint storage quota is used, and which sites are the largest?
HOW C | Sorting a customer's emails automatically | How do I create an Outlook rule that moves all emails from one customer's domain into a folder, including on my phone?
UPD C | Office 2016 connecting to Exchange Online | We heard Office 2016 will no longer be supported for connecting to Exchange Online. About 30 PCs still run it. When does this take effect in the 21Vianet cloud?
UPD B | Teams mobile notifications gone after app update | Since the Teams app updated on Android phones this week, about 25 users no longer get notifications for chats and calls. Re-installing doesn't help.
CFG B | Room mailbox no longer auto-accepts bookings | Our meeting rooms stopped accepting invitations automatically; requests stay 'tentative'. We changed booking settings last week while adding a delegate. What should the settings be?
CFG A | Mail loop after connector change | After changing our outbound connector this morning, messages to our own domain bounce between our on-premises gateway and Exchange Online until they fail with 'hop count exceeded'. All internal mail is affected.
CFG B | Website CNAME still points to the old app | Our www CNAME still points to the old App Service, so customers see last year's website. The new app is ready. What exactly should the record look like?
NET B | Shenzhen office can't open SharePoint, Guangzhou fine | Since Tuesday staff in our Shenzhen office get 'This site can't be reached' for SharePoint and OneDrive, while the Guangzhou office and people at home are fine. Outlook and Teams still work in Shenzhen.
NET C | Teams screen sharing fails on 5 GHz Wi-Fi | On our 5 GHz office Wi-Fi, screen sharing in Teams freezes for me; on the 2.4 GHz network or a cable it's fine. Only a couple of laptops seem affected.
NET B | Ping works but HTTPS times out from the branch | From our Tianjin branch we can ping our Azure VM, but HTTPS to the same VM times out. From HQ it works. The branch has a new firewall.
AVL B | Exchange Online PowerShell connections failing | Since 09:00 every admin in our team gets an error when running Connect-ExchangeOnline, from different PCs and networks. The admin center still works. Is the service degraded?
AVL A | Front Door returns 5xx for our site | Since 17:20 Azure Front Door returns 503 for our public website for all visitors, while the origin servers answer normally when accessed directly. Nothing was changed. Our online sales are stopped.
ACC C | List of our global admins for the auditor | Our auditor asked which accounts in our tenant hold the Global Administrator role and since when. Can you send the list, or tell me where I can export it?
ACC B | Guest can't open our shared channel | An engineer from our partner company was added to a shared channel in Teams, but she gets 'Your account needs to be added to this organization'. The project review is tomorrow.
ACC C | Close our old trial tenant | We created a trial tenant last year by mistake and never used it. Can it be deleted completely so the name is freed?
ACC A | New admin accounts created by someone else | This morning we found two new global admin accounts we didn't create, and sign-ins to them from an unknown country. We don't know what they changed. Please help us secure the tenant immediately.
ACC C | Hardware security keys for admins | Can our administrators use FIDO2 security keys instead of the Authenticator app in the 21Vianet cloud? Which keys work?
BIL C | Accepted payment methods | Which payment methods do you accept for Azure pay-as-you-go: bank transfer, Alipay, corporate card? We are setting up a new supplier record.
BIL B | Reservation invoiced at the wrong amount | We bought a one-year VM reservation for CNY 36,000 according to the order confirmation, but the invoice shows CNY 42,000. Please correct it before the due date.
BIL C | Usage report per resource group for chargeback | Every month we charge Azure costs back to business units. Can you send the usage broken down by resource group, or tell us how to export it ourselves?
BIL B | VAT applied twice | The last invoice adds VAT on a subtotal that already includes VAT, so we are overcharged by about CNY 1,900. Please reissue it.
BIL C | Letter confirming the refund | Our auditors need a letter confirming the refund you issued in March for the cancelled licences. Could you provide one on letterhead?
HOW C | Run a large company meeting in Teams | We want to broadcast our annual company meeting to 800 staff. Which Teams feature should we use, and how do we set it up?
HOW C | Check if a mailbox is over quota | How can I check whether a user's mailbox is close to its quota, and get warned before mail starts bouncing?
HOW C | Convert a leaver's mailbox myself | What are the steps to convert a former employee's mailbox into a shared mailbox myself in the admin center?
HOW C | Guide for installing Entra Connect with the China cloud | We plan to sync our on-premises Active Directory to our tenant operated by 21Vianet. Is there a step-by-step guide for installing Entra Connect for this cloud? Nothing is set up yet.
HOW C | Resize a VM with minimal downtime | What is the safest way to resize our application VM to a bigger size, and how long will it be offline?
UPD B | Shared mailbox folders missing after Outlook update | After this week's Outlook update, about 20 users no longer see the shared mailbox folders they had in their folder pane. Adding them again as accounts works as a stopgap.
UPD C | Root certificate change for Azure endpoints | We got a notice that Azure services in China will switch to a new root certificate authority. Our Java apps pin certificates. What exactly changes and by when?
UPD A | Exchange CU install failed - no mail flow | The cumulative update on our only on-premises Exchange server failed halfway and now the transport services won't start. No mail flows in or out for the 300 users homed there. Please help.
UPD C | Support lifecycle of Office versions | How long will Microsoft 365 Apps version 2302 on the Semi-Annual Enterprise Channel keep getting security updates?
UPD C | New Planner replacing the old app | We saw that Planner in Teams is being replaced by a new Planner app. Will existing plans move automatically, and when does this happen for 21Vianet tenants?
CFG C | Turn on meeting transcription | Please enable transcription and live captions in Teams meetings for all users.
CFG C | Restrict who can create Teams | Anyone in the company can create teams and we have hundreds of test teams. Please limit group creation to the IT and HR security group.
CFG B | Automapping of a shared mailbox not working | We gave 6 people full access to the 'orders' shared mailbox two days ago, but it doesn't appear in their Outlook automatically. Did we miss a setting?
CFG A | Retention policy deleting mail from every mailbox | An admin published a retention policy with 'delete after 30 days' to all mailboxes by mistake yesterday, and users report that older mail is disappearing. We need to stop it and recover what was removed.
CFG B | App Service access restriction blocks a partner | After we added access restrictions on our API app, our logistics partner's calls are rejected with 403. We thought we had allowed their IP range. What's wrong with the rule?
NET B | Teams laggy for staff on the full-tunnel VPN | Staff who connect through our VPN with full tunnelling have laggy Teams calls, because all traffic goes through the head office. Can we route Microsoft 365 traffic directly, and which ranges?
NET C | Can't open the Azure portal from a Hong Kong hotel | I'm in Hong Kong this week and portal.azure.cn times out from the hotel network, but works through my phone's hotspot. Anything I can do?
NET A | Core switch failure at HQ | Our head office core switch failed at 7:20. Nobody on site (200 people) can reach the ERP and file servers we host in Azure, or Teams. The network vendor is on the way; can you help us reroute traffic through the backup line?
NET B | Bastion connections fail from one site | Connections to our VMs through Azure Bastion fail from the Ningbo site with a websocket error, but work from other sites. Their firewall does deep packet inspection on 443.
NET B | Slow name resolution causes sign-in timeouts | Resolving login.partner.microsoftonline.cn takes 5 seconds on our internal DNS servers, so Teams and Outlook sign-ins often time out at the office. Public DNS answers instantly.
AVL B | Dynamics 365 mobile app doesn't sync for anyone | Since this morning the Dynamics 365 mobile app fails to sync for all our field sales reps, on different phones and networks. The web client works.
AVL A | PostgreSQL server unavailable | Our Azure Database for PostgreSQL server in China North 3 has been unavailable since 04:30, the portal shows its status as 'Updating'. We didn't start anything. All our customer apps are down.
AVL C | Power BI export to PDF times out sometimes | Exporting a report to PDF from Power BI sometimes times out; a second try usually works. Not blocking.
AVL B | SharePoint lists return throttling errors | Since noon several SharePoint lists return 'The request has been throttled' for everyone, even with few items. Users can still work slowly by retrying.
AVL A | No audio in any Teams meeting | Since 14:00 nobody in our company hears anything in Teams meetings and calls, on all devices and networks. Chat works. Our customer service line runs on Teams.
HOW C | Report of licences in use per department | How can I get a report of which licences are assigned to which users, grouped by department, to check we're not paying for unused seats?
HOW C | Find inactive accounts | Is there a way to list users who haven't signed in for 90 days, so we can review them before renewal?
HOW C | Where to show our ICP number on the website | Our site on Azure got its ICP filing number last week. Where exactly must the number appear on the pages, and does it need a link to the MIIT site?
HOW C | ICP filing for an API subdomain | We want to expose an API on api.kunlun-tech.cn hosted in China East 2. Does a subdomain used only by our mobile app also need ICP filing, or is the main domain's filing enough?
CFG C | Account lockout threshold | Please change the smart lockout threshold so accounts lock after 5 failed attempts instead of 10, and for 15 minutes.
CFG C | Banned password list | Please add our company name and product names to the custom banned password list so users can't use them in passwords.
CFG B | Teams federation with a partner fails - SRV record? | Chats with our partner's users fail with 'this person can't receive messages'. We suspect our _sipfederationtls SRV record, which a previous provider created, points to the global service. What should it be?
CFG B | Azure Firewall DNAT rule doesn't forward | We created a DNAT rule on Azure Firewall to publish port 8443 of an internal VM, but connections from the internet time out. The VM answers inside the VNet. What is wrong with the rule?
CFG B | SQL server firewall blocks the new office IP | Since we moved to a new office with a new public IP, the reporting tool can't connect to our Azure SQL server. Which firewall rule should we add?
NET B | Outlook error on a few PCs after DNS server change | After we pointed 15 PCs in accounting to a new internal DNS server, Outlook on those PCs shows 'Cannot connect to Microsoft Exchange'. Phones and webmail work for the same users.
`;
